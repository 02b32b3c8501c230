import AgriData
import Documents
import Foundation
import Hummingbird
import Publishing
import Store
import TimeSeriesCore

/// What `muavu serve` answers when it cannot do what a request asks: an HTTP status and a problem
/// document (RFC 9457, `application/problem+json`) saying what went wrong, where, and what was
/// expected. The server's one error type: every other layer's error becomes one of these
/// (`init(_:)`), so that no request ever gets an empty or unexplained answer.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problem kinds, by readable code (the last part of `type`).
    public enum Code: String, Sendable, CaseIterable {
        /// A query or path value the API does not accept (400).
        case badRequest = "bad-request"
        /// No write token, or one that is not valid (401).
        case unauthorized
        /// A path the API does not have, a series the store does not hold (404).
        case notFound = "not-found"
        /// A method the path does not take (405).
        case methodNotAllowed = "method-not-allowed"
        /// A body larger than the server takes (413).
        case tooLarge = "too-large"
        /// A body in another media type than the endpoint reads (415).
        case unsupportedMediaType = "unsupported-media-type"
        /// Data that was read but does not hold up: a bad row, a value out of bounds, a unit that
        /// differs from the stored one, a series too short to forecast (422).
        case badData = "bad-data"
        /// The store cannot be opened (503).
        case unavailable
        /// Every core is fitting a model for another request (503, with Retry-After).
        case busy
        /// The token has written its writes of the minute (429, with Retry-After).
        case tooManyWrites = "too-many-writes"
        /// Anything else: a failure of the server or of SQLite (500).
        case failure

        var status: HTTPResponse.Status {
            switch self {
            case .badRequest: .badRequest
            case .unauthorized: .unauthorized
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .tooLarge: .contentTooLarge
            case .unsupportedMediaType: .unsupportedMediaType
            case .badData: .unprocessableContent
            case .unavailable, .busy: .serviceUnavailable
            case .tooManyWrites: .tooManyRequests
            case .failure: .internalServerError
            }
        }

        var title: String {
            switch self {
            case .badRequest: "Bad request"
            case .unauthorized: "A valid write token is needed"
            case .notFound: "Not found"
            case .methodNotAllowed: "Method not allowed"
            case .tooLarge: "Body too large"
            case .unsupportedMediaType: "Unsupported media type"
            case .badData: "The data does not hold up"
            case .unavailable: "The store is not available"
            case .busy: "The server is busy"
            case .tooManyWrites: "Too many writes"
            case .failure: "The server failed"
            }
        }
    }

    /// Where in the request the problem is: a query or path parameter, a header, or a line and
    /// column of the body.
    public struct Location: Sendable, Equatable, Codable {
        public var parameter: String?
        public var header: String?
        public var line: Int?
        public var column: Int?
        public var columnName: String?

        public init(
            parameter: String? = nil, header: String? = nil, line: Int? = nil, column: Int? = nil,
            columnName: String? = nil
        ) {
            (self.parameter, self.header, self.line, self.column) = (parameter, header, line, column)
            self.columnName = columnName
        }

        enum CodingKeys: String, CodingKey {
            case parameter, header, line, column
            case columnName = "column_name"
        }
    }

    public var code: Code
    /// What went wrong, in the words the CLI would use.
    public var detail: String
    public var location: Location?
    /// What the API expected instead.
    public var expected: String?
    /// The readable code of the layer that refused (a `DataError` or `StoreError` code).
    public var cause: String?

    public init(
        _ code: Code, _ detail: String, at location: Location? = nil, expected: String? = nil, cause: String? = nil
    ) {
        (self.code, self.detail, self.location, self.expected, self.cause) = (code, detail, location, expected, cause)
    }

    public var description: String { "\(code.rawValue): \(detail)" }

    /// `HTTPResponse.Status` of the problem.
    public var status: HTTPResponse.Status { code.status }

    /// The problem an error of another layer stands for: bad data is 422 with its line and
    /// column, an unknown series 404, a store that cannot be opened 503, and anything else 500
    /// (its text kept in `detail`, escaped).
    public init(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let data as DataError:
            let location =
                data.line == nil && data.column == nil
                ? nil : Location(line: data.line, column: data.column, columnName: data.columnName)
            self.init(.badData, MessageText.escaped(data.description), at: location, cause: data.code.rawValue)
        case let store as StoreError:
            let code: Code =
                switch store.code {
                case .unknownSeries: .notFound
                case .noStore, .notAStore, .newerSchema: .unavailable
                case .database: .failure
                default: .badData
                }
            self.init(code, MessageText.escaped(store.message), cause: store.code.rawValue)
        case let forecasting as ForecastingError:
            let code: Code = forecasting.code == .invalidArgument ? .badRequest : .badData
            self.init(code, MessageText.escaped(forecasting.description), cause: forecasting.code.rawValue)
        case let mismatch as PriceQuery.Mismatch:
            self.init(.notFound, MessageText.escaped(mismatch.message))
        case let yearly as PriceQuery.NotMonthly:
            self.init(.badData, MessageText.escaped(yearly.message))
        case let publishing as PublishingError:
            self.init(.badData, MessageText.escaped(publishing.message), cause: publishing.code.rawValue)
        case let http as HTTPError:
            let code: Code =
                switch http.status {
                case .notFound: .notFound
                case .methodNotAllowed: .methodNotAllowed
                case .contentTooLarge: .tooLarge
                case .unauthorized: .unauthorized
                case .unsupportedMediaType: .unsupportedMediaType
                case _ where (400..<500).contains(http.status.code): .badRequest
                default: .failure
                }
            self.init(code, MessageText.escaped(http.body ?? http.status.reasonPhrase))
        default:
            self.init(.failure, MessageText.escaped("\(error)"))
        }
    }

    /// The problem document (RFC 9457 members, then muavu's).
    struct Document: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var location: Location?
        var expected: String?
        var cause: String?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, code, expected, cause
            case location = "where"
        }
    }

    var document: Document {
        Document(
            type: "https://muavu.example/problems/\(code.rawValue)", title: code.title, status: Int(status.code),
            detail: detail, code: code.rawValue, location: location, expected: expected, cause: cause)
    }

    /// The HTTP response: the status and the problem document.
    func response() -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if code == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"muavu\"" }
        if code == .busy { headers[.retryAfter] = "5" }
        if code == .tooManyWrites { headers[.retryAfter] = "60" }
        let body = (try? JSONResponse.encode(document)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
