import HuaweiCloud

extension SimulatorConfiguration {
    /// The demo's simulated cloud: a seed of its own on every start, so that job ids differ from
    /// one demo run to the next (the journal keeps one entry per job id), unlike the standalone
    /// simulator and the tests, whose fixed seed repeats runs exactly. A test can pass `seed`.
    public static func demo(
        accessKey: String, secretKey: Secret, region: String, jobDuration: Duration, failureRate: Double,
        seed: UInt64 = UInt64.random(in: .min ... .max)
    ) -> SimulatorConfiguration {
        SimulatorConfiguration(accessKey: accessKey, secretKey: secretKey, region: region, jobDuration: jobDuration,
                               failureRate: failureRate, randomSeed: seed)
    }
}
