import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A request as the test server saw it.
public struct TestRequest: Sendable {
  public var method: String
  /// The request target: path and query (`/api/2/law_revisions/X?response_format=json`).
  public var uri: String
  public var headers: [(String, String)]

  public var path: String { String(uri.prefix { $0 != "?" }) }
  public var query: String { uri.contains("?") ? String(uri.drop { $0 != "?" }.dropFirst()) : "" }

  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }
}

/// What the server does with a request.
public enum TestAction: Sendable {
  /// A whole response.
  case respond(status: Int, headers: [(String, String)], body: Data)
  /// A response whose `Content-Length` promises more than is sent; then the connection closes.
  case truncate(status: Int, headers: [(String, String)], body: Data, declaredLength: Int)
  /// Nothing, ever: the connection stays open until the client gives up.
  case stall
  /// The connection closes without a response.
  case drop

  public static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> TestAction {
    .respond(
      status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: Data(text.utf8))
  }
}

/// An HTTP/1.1 server on 127.0.0.1 (a free port) built on SwiftNIO, answering with `handler`;
/// tests start it and stop it.
public final class TestHTTPServer: Sendable {
  private let group: MultiThreadedEventLoopGroup
  private let channel: any Channel
  public let port: Int
  public let isTLS: Bool
  private let log = Shared<[TestRequest]>([])

  /// - Parameter tls: a certificate chain and key (PEM files): the server speaks HTTPS.
  public init(tls: (certificate: String, key: String)? = nil, handler: @escaping @Sendable (TestRequest) -> TestAction)
    throws
  {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let log = self.log
    let context = try tls.map { tls in
      try NIOSSLContext(
        configuration: .makeServerConfiguration(
          certificateChain: try NIOSSLCertificate.fromPEMFile(tls.certificate).map { .certificate($0) },
          privateKey: .privateKey(try NIOSSLPrivateKey(file: tls.key, format: .pem))))
    }
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.backlog, value: 256)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if let context { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context)) }
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(
            RequestHandler { request in
              log.withLock { $0.append(request) }
              return handler(request)
            })
        }
      }
    do {
      channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
    } catch {
      try? group.syncShutdownGracefully()
      throw error
    }
    self.group = group
    port = channel.localAddress?.port ?? 0
    isTLS = tls != nil
  }

  public var origin: String { "\(isTLS ? "https" : "http")://127.0.0.1:\(port)" }

  /// Every request received so far, in order.
  public var requests: [TestRequest] { log.withLock { $0 } }

  public func requests(pathPrefix: String) -> [TestRequest] {
    requests.filter { $0.path.hasPrefix(pathPrefix) }
  }

  public func stop() {
    try? channel.close().wait()
    try? group.syncShutdownGracefully()
  }

  deinit {
    try? group.syncShutdownGracefully()
  }
}

private final class RequestHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let respond: @Sendable (TestRequest) -> TestAction
  private var head: HTTPRequestHead?

  init(_ respond: @escaping @Sendable (TestRequest) -> TestAction) {
    self.respond = respond
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): self.head = head
    case .body: break
    case .end:
      guard let head else { return }
      self.head = nil
      let request = TestRequest(
        method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) })
      switch respond(request) {
      case .respond(let status, let headers, let body):
        write(context, status: status, headers: headers, body: body, length: body.count, keepAlive: head.isKeepAlive)
      case .truncate(let status, let headers, let body, let declared):
        write(
          context, status: status, headers: headers, body: body, length: declared, keepAlive: false, complete: false)
      case .stall:
        break
      case .drop:
        context.close(promise: nil)
      }
    }
  }

  private func write(
    _ context: ChannelHandlerContext, status: Int, headers: [(String, String)], body: Data, length: Int,
    keepAlive: Bool, complete: Bool = true
  ) {
    var fields = HTTPHeaders(headers)
    fields.replaceOrAdd(name: "Content-Length", value: String(length))
    if !keepAlive { fields.replaceOrAdd(name: "Connection", value: "close") }
    let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if !body.isEmpty {
      var buffer = context.channel.allocator.buffer(capacity: body.count)
      buffer.writeBytes(body)
      context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }
    if complete {
      let future = context.writeAndFlush(wrapOutboundOut(.end(nil)))
      if !keepAlive {
        let channel = context.channel
        future.whenComplete { _ in channel.close(promise: nil) }
      }
    } else {
      context.flush()
      context.close(promise: nil)
    }
  }
}

/// A value shared between threads and closures, behind a lock.
public final class Shared<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  public init(_ value: Value) { mutex = Mutex(value) }

  public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
    try mutex.withLock(body)
  }
}
