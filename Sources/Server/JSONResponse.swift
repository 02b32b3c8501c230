import Documents
import Foundation
import Hummingbird

/// The API's JSON answers: encoded as every muavu document is (`DocumentEncoder`: sorted keys,
/// UTF-8, a final newline), so that the same request gives the same bytes.
enum JSONResponse {
    static func encode<T: Encodable>(_ value: T) throws -> Data { try DocumentEncoder.encode(value) }

    /// `data` as a response with `status`.
    static func response(_ data: Data, status: HTTPResponse.Status = .ok, type: String = "application/json")
        -> Response
    {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try encode(value), status: status)
    }
}
