public enum GuideKitInfo { public static let version = "0.1.0" }
