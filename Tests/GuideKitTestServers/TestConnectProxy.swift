import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// An HTTP proxy on 127.0.0.1 that tunnels `CONNECT host:port` requests (as AsyncHTTPClient
/// sends them for every proxied request) and records each target; tests start and stop it.
/// It connects only to loopback targets.
public final class TestConnectProxy: @unchecked Sendable {
  private let listener: Int32
  public let port: Int
  private let targets = Mutex<[String]>([])
  private let stopped = Atomic<Bool>(false)

  public init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = Int(UInt16(bigEndian: address.sin_port))
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  /// `host:port` of every tunnel opened, in order.
  public var tunnels: [String] { targets.withLock { $0 } }

  public func stop() {
    guard !stopped.exchange(true, ordering: .relaxed) else { return }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  deinit { stop() }

  private func acceptLoop() {
    while !stopped.load(ordering: .relaxed) {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        return
      }
      Thread { [self] in serve(client) }.start()
    }
  }

  private func serve(_ client: Int32) {
    var head = [UInt8]()
    var byte: UInt8 = 0
    while head.count < 8192, read(client, &byte, 1) == 1 {
      head.append(byte)
      if head.suffix(4) == [13, 10, 13, 10] { break }
    }
    let text = String(decoding: head, as: UTF8.self)
    let words = text.split(separator: " ", maxSplits: 2)
    guard words.count >= 2, words[0] == "CONNECT" else {
      reply(client, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      close(client)
      return
    }
    let target = String(words[1])
    targets.withLock { $0.append(target) }
    guard let colon = target.lastIndex(of: ":"), let targetPort = UInt16(target[target.index(after: colon)...]),
      ["127.0.0.1", "localhost"].contains(String(target[..<colon]))
    else {
      reply(client, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      close(client)
      return
    }
    let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = targetPort.bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      reply(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      close(upstream)
      close(client)
      return
    }
    reply(client, "HTTP/1.1 200 Connection Established\r\n\r\n")
    let done = DispatchGroup()
    for (from, to) in [(client, upstream), (upstream, client)] {
      done.enter()
      Thread {
        Self.pump(from: from, to: to)
        shutdown(to, Int32(SHUT_WR))
        done.leave()
      }.start()
    }
    done.wait()
    close(upstream)
    close(client)
  }

  private static func pump(from: Int32, to: Int32) {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(from, $0.baseAddress, $0.count) }
      if count <= 0 { return }
      var offset = 0
      while offset < count {
        let written = buffer.withUnsafeBytes { raw -> Int in
          guard let base = raw.baseAddress else { return -1 }
          return write(to, base + offset, count - offset)
        }
        if written <= 0 { return }
        offset += written
      }
    }
  }

  private func reply(_ socket: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    _ = write(socket, &bytes, bytes.count)
  }
}
