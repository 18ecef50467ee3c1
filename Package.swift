// swift-tools-version:6.2
import PackageDescription

let package = Package(
  name: "guidekit",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "GuideKit", targets: ["GuideKit"]),
    .executable(name: "guidekit", targets: ["guidekit"]),
    .executable(name: "guidekit-sources", targets: ["guidekit-sources"]),
    .executable(name: "guidekit-serve", targets: ["guidekit-serve"]),
  ],
  traits: [
    // Off by default, so that a fresh machine needs only libxml2-dev and libxslt1-dev.
    .trait(
      name: "Mimalloc",
      description: """
        Link mimalloc (apt: libmimalloc-dev) as the executable's allocator: libxml2 allocates and \
        frees every node of every document, and glibc's malloc fragments under that pattern when \
        results outlive documents (Benchmarks/README.md). The benchmarks build with it.
        """)
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    // Without its Foundation trait: guidekit links FoundationEssentials only (start-up, size).
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: []),
    // `guidekit sources`: Swift's server HTTP client on SwiftNIO (proxies, TLS with the system CA
    // store, connection pooling, timeouts); the tests' stand-in servers use SwiftNIO directly.
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    // `guidekit serve`: an HTTP server on SwiftNIO with routing, middleware, graceful shutdown and
    // response streaming (Server-Sent Events). Without its default traits: no swift-configuration,
    // no full Foundation.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    // Word documents (.docx) are ZIP packages: reading with limits, writing with fixed entry
    // times. Needs zlib (apt: zlib1g-dev).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libexslt",
      providers: [.apt(["libxml2-dev", "libxslt1-dev"])]
    ),
    // The executable's allocator with the Mimalloc trait.
    .systemLibrary(
      name: "CMimalloc",
      providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
    ),
    .target(
      name: "GuideKitXML", dependencies: ["CLibXML2"],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
    .target(
      name: "GuideKit",
      dependencies: [
        "GuideKitXML",
        .product(name: "Subprocess", package: "swift-subprocess"),
      ],
      resources: [.copy("Resources/stylesheets"), .copy("Resources/schemas")],
      // SwiftPM's resource accessor imports Foundation into the module; only what a file imports
      // may be used, so nothing of Foundation beyond FoundationEssentials slips in.
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // Fetching laws and controls from where they are published (`guidekit sources`): the only
    // target that reaches the network, kept apart so that the library stays free of it.
    .target(
      name: "GuideKitFetch",
      dependencies: [
        "GuideKit",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // What the command-line programs share: output, console and option checks.
    .target(
      name: "GuideKitCLI",
      dependencies: ["GuideKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // `guidekit sources`, a program of its own that `guidekit` runs from its folder: the network
    // stack (SwiftNIO, TLS, HTTP/2) would otherwise add its thousands of protocol conformances to
    // what the Swift runtime scans when every other command starts (Benchmarks/README.md). No
    // target depends on it: SwiftPM would link an executable dependency's code into the dependent.
    .executableTarget(
      name: "guidekit-sources",
      dependencies: [
        "GuideKit", "GuideKitCLI", "GuideKitFetch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // The live preview (`guidekit serve`): the site in memory, diagnostics, live reload.
    .target(
      name: "GuideKitServe",
      dependencies: [
        "GuideKit",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // `guidekit serve`, a program of its own for the same reason as `guidekit-sources`.
    .executableTarget(
      name: "guidekit-serve",
      dependencies: [
        "GuideKit", "GuideKitCLI", "GuideKitServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // Word in and out: WordprocessingML packages (.docx) written and read.
    .target(
      name: "GuideKitWord",
      dependencies: [
        "GuideKit",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    .executableTarget(
      name: "guidekit",
      dependencies: [
        "GuideKit",
        "GuideKitCLI", "GuideKitWord",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .target(name: "CMimalloc", condition: .when(traits: ["Mimalloc"])),
      ],
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // Helpers shared by the test targets: temporary folders, a local listener, a seeded generator.
    .target(name: "GuideKitTestSupport", path: "Tests/GuideKitTestSupport"),
    .testTarget(
      name: "GuideKitXMLTests", dependencies: ["GuideKitXML", "GuideKitTestSupport"]),
    .testTarget(
      name: "GuideKitTests", dependencies: ["GuideKit", "GuideKitXML", "GuideKitTestSupport"],
      exclude: ["Golden", "Fixtures"]),
    // Loopback servers the tests start and stop: a stand-in e-Gov API v2, a static file server and
    // a CONNECT proxy.
    .target(
      name: "GuideKitTestServers",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      path: "Tests/GuideKitTestServers"),
    .testTarget(
      name: "GuideKitFetchTests",
      dependencies: ["GuideKit", "GuideKitFetch", "GuideKitTestSupport", "GuideKitTestServers"]),
    .testTarget(
      name: "GuideKitServeTests",
      dependencies: [
        "GuideKit", "GuideKitServe", "GuideKitTestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),
    .testTarget(
      name: "GuideKitWordTests",
      dependencies: [
        "GuideKit", "GuideKitWord", "GuideKitXML", "GuideKitTestSupport",
        // The tests build hostile packages (zip bombs, ../ names) and small documents.
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "GuideKitCLITests", dependencies: ["GuideKit", "GuideKitTestSupport", "GuideKitTestServers"]),
  ],
  swiftLanguageModes: [.v6]
)
