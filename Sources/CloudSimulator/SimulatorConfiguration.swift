import Foundation
import HuaweiCloud

/// How the fake cloud behaves: the one account it knows, and how its reinstall jobs go.
public struct SimulatorConfiguration: Sendable {
    public var accessKey: String
    public var secretKey: Secret
    public var projectId: String
    public var region: String
    /// Returned by the IAM credential lookup (`/v3.0/OS-CREDENTIAL/credentials/{AK}`).
    public var userId: String
    /// How long a reinstall job takes from submit to SUCCESS (or FAIL); a batch stop takes a quarter of it.
    public var jobDuration: Duration
    /// Share of reinstall jobs that end in FAIL, 0…1. Which jobs fail follows `randomSeed`, so runs repeat.
    public var failureRate: Double
    /// Seeds job ids, the failure draw and the fault draws: the same requests give the same ids and outcomes.
    public var randomSeed: UInt64
    /// Wall-clock delay added before every HTTP reply, as a far-away region would have
    /// (`--latency-ms`). Real time, not the simulator's clock: it is what a client waits.
    public var latency: Duration
    /// Faults to inject (`--faults`); change them at run time with `CloudSimulator.setFaultPlan(_:)`.
    public var faults: FaultPlan
    /// Consecutive signature failures after which an AK is locked (the gateway's 5); 0 never locks.
    public var accessKeyLockThreshold: Int
    /// How long a locked AK is refused, in the simulator's time (the gateway's 5 minutes).
    public var accessKeyLockDuration: Duration
    /// Refusals of a real account, switched on one by one (`--no-iam-read`, `--no-kps`).
    public var refusals = AccountRefusals()
    /// The ECS metadata service (`--metadata`): when set, the simulator also serves it, issuing
    /// temporary credentials (an agency's) that expire this long after they are issued, in the
    /// simulator's time (the real service's hour by default on the command line). Nil: off.
    public var temporaryCredentialLifetime: Duration? = nil

    // Real accounts' ways of saying no, each set on the value (not through `init`).

    /// The enterprise projects the user is granted when authorised per enterprise project
    /// (`--granted-eps`): a server listing must then name them (`enterprise_project_id`), and a
    /// server outside them cannot be read. nil: authorised for the whole project.
    public var grantedEnterpriseProjects: Set<String>?
    /// Bare metal servers added after the data set's (`--bare-metal`), tagged `__type_baremetal`:
    /// ECS lists them unless `not-tags` leaves them out.
    public var bareMetalServers = 0
    /// Server details at the real cloud's size, about 4 KB each (`--lean-details` turns it off).
    public var realisticServerDetails = true
    /// Servers get loopback addresses (127.0.0.2, 127.0.0.3, …, one each) instead of their private
    /// ones, so that a client probing a reinstalled server's login port reaches this machine only.
    public var loopbackAddresses = false
    /// A banner listener per reinstalled server (see `LoginListenerSettings`); nil: none. Only
    /// loopback addresses are ever listened on, so it needs `loopbackAddresses`.
    public var loginListener: LoginListenerSettings? = nil
    /// Each request's method, path and query written to stderr (`--log-requests`), so a test in
    /// another process can see what a client sent.
    public var logsRequests = false

    public init(
        accessKey: String = "DEMOACCESSKEY0000001",
        secretKey: Secret = "demo-secret-key",
        projectId: String = "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
        region: String = "cn-north-4",
        userId: String = "7e25b1da389f4697a79df3a0e5bd494e",
        jobDuration: Duration = .seconds(12),
        failureRate: Double = 0,
        randomSeed: UInt64 = 0x5EED_CAFE,
        latency: Duration = .zero,
        faults: FaultPlan = .none,
        accessKeyLockThreshold: Int = 5,
        accessKeyLockDuration: Duration = .seconds(5 * 60)
    ) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.projectId = projectId
        self.region = region
        self.userId = userId
        self.jobDuration = jobDuration
        self.failureRate = failureRate
        self.randomSeed = randomSeed
        self.latency = latency
        self.faults = faults
        self.accessKeyLockThreshold = accessKeyLockThreshold
        self.accessKeyLockDuration = accessKeyLockDuration
    }
}
