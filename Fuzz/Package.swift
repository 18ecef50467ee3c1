// swift-tools-version:6.0
// libFuzzer targets for guidekit, kept apart from the main manifest.
// Build and run one with `Benchmarks/fuzz.sh TARGET SECONDS` (see SECURITY.md "Fuzzing").
import PackageDescription

let fuzzTargets = ["FuzzLoad", "FuzzValidate", "FuzzDiff", "FuzzTextLayout"]

let package = Package(
  name: "guidekit-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "guidekit", path: "..")],
  targets: fuzzTargets.map { name in
    .executableTarget(
      name: name,
      dependencies: [.product(name: "GuideKit", package: "guidekit")],
      path: "Sources/\(name)",
      // No top-level code: libFuzzer supplies `main`.
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  },
  swiftLanguageModes: [.v6]
)
