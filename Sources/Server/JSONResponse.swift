import Documents
import Foundation
import HTTPTypes
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

    /// A computed answer, with `X-Muavu-Cache: hit` when it was served from memory, `miss` when it
    /// was computed for this request (`MuavuAPI.cached`).
    static func response(_ data: Data, type: String, cache hit: Bool) -> Response {
        var response = response(data, type: type)
        if let name = HTTPField.Name("X-Muavu-Cache") { response.headers[name] = hit ? "hit" : "miss" }
        return response
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try encode(value), status: status)
    }
}
