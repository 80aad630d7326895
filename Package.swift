// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ecs-reinstall",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecs-reinstall", targets: ["ecs-reinstall"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The client's HTTP stack: SwiftNIO, so that what is sent, resent and cancelled is ours to decide.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already pulled in by Hummingbird and async-http-client; named because the code imports them directly.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // File descriptors as values (the journal's files, the wake pipe) instead of raw libc calls.
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        // C: the ncursesw headers, with inline wrappers for macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // A secret's one buffer, zeroed on wipe and deinit; shared by the cloud layer and the text field.
        .target(name: "SecretStorage"),
        // Huawei Cloud: signing, credentials, endpoints, HTTP transport, typed calls, models, errors.
        .target(
            name: "HuaweiCloud",
            dependencies: [
                "SecretStorage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The fake cloud: same routes and shapes, signature check, stateful servers and jobs.
        .target(
            name: "CloudSimulator",
            dependencies: [
                "HuaweiCloud",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                // The banner listener that stands in for a reinstalled server's SSH daemon.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The domain: password policy, endpoint decision, request plan.
        // Readiness probes the login port with NIOPosix, fingerprints host keys with Crypto and runs
        // ssh-keygen/ssh-keyscan with ChildProcess.
        .target(
            name: "Reinstall",
            dependencies: [
                "ChildProcess",
                "HuaweiCloud",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Generic TUI pieces: screen grid, display width, keys, widgets, the curses backend.
        .target(
            name: "TerminalKit",
            dependencies: ["CNcursesw", "SecretStorage", .product(name: "SystemPackage", package: "swift-system")]),
        // posix_spawn with a clean signal mask, for the end-to-end tests, the benchmarks and the
        // OpenSSH tools the readiness check runs.
        .target(name: "ChildProcess"),
        // Reads what tmux's capture-pane -e shows (reverse video, colours), for the same two.
        .target(name: "ScreenCapture"),
        // This app: state, events, reduce, views, effect runner.
        .target(name: "App", dependencies: ["HuaweiCloud", "Reinstall", "TerminalKit"]),
        .executableTarget(
            name: "ecs-reinstall",
            dependencies: [
                "App", "CloudSimulator", "HuaweiCloud", "Reinstall", "TerminalKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Prints figures for the performance targets; CI runs it with --quick to show it still runs.
        .executableTarget(
            name: "ecs-reinstall-benchmarks",
            dependencies: ["App", "ChildProcess", "CloudSimulator", "HuaweiCloud", "ScreenCapture", "TerminalKit"],
            path: "Sources/Benchmarks"
        ),

        .testTarget(name: "HuaweiCloudTests", dependencies: ["HuaweiCloud", "SecretStorage"]),
        .testTarget(name: "CloudSimulatorTests", dependencies: ["CloudSimulator", "HuaweiCloud"]),
        // NIO for the loopback listeners the readiness probe is tried against.
        .testTarget(
            name: "ReinstallTests",
            dependencies: [
                "Reinstall",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "SecretStorage"]),
        .testTarget(name: "AppTests", dependencies: ["App", "CloudSimulator", "ScreenCapture", "SecretStorage"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ChildProcess", "Reinstall", "ScreenCapture"]),
    ],
    swiftLanguageModes: [.v6]
)
