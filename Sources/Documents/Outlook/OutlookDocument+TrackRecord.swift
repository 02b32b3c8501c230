extension OutlookDocument {
    /// The optional `change_since_previous` and `track_record` members, when set.
    func withRecordMembers(_ tree: JSONTree) -> JSONTree {
        guard case .object(var members) = tree else { return tree }
        if let changeSincePrevious { members["change_since_previous"] = changeSincePrevious.tree }
        if let trackRecord { members["track_record"] = .array(trackRecord.map(\.tree)) }
        return .object(members)
    }
}
