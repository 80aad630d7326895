import Foundation
import Testing

@testable import HuaweiCloud

/// Where each service lives by region, and which rule wins.
struct RegionTableTests {
    @Test(arguments: [
        (CloudService.ecs, "https://ecs.eu-west-101.myhuaweicloud.eu"),
        (.ims, "https://ims.eu-west-101.myhuaweicloud.eu"),
        (.iam, "https://iam.eu-west-101.myhuaweicloud.eu"),
        (.kps, "https://kms.eu-west-101.myhuaweicloud.eu"),
    ])
    func theEuropeanSiteUsesItsOwnDomain(service: CloudService, url: String) throws {
        #expect(try Endpoints(region: "eu-west-101").url(for: service).absoluteString == url)
    }

    @Test func aRegionWithoutItsOwnIAMHostUsesTheGlobalOne() throws {
        let endpoints = Endpoints(region: "cn-north-11")
        #expect(!RegionTable.info(for: "cn-north-11").hasRegionalIAM)
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.myhuaweicloud.com")
        #expect(try endpoints.url(for: .ecs).absoluteString == "https://ecs.cn-north-11.myhuaweicloud.com")
    }

    @Test(arguments: ["eu-west-0", "ae-ad-1", "eu-west-101"])
    func aRegionWithoutKPSReadsKeyPairsFromECS(region: String) {
        #expect(!Endpoints(region: region).servesKPS)
    }

    @Test func kpsIsAskedWhereverAURLForItIsGiven() throws {
        #expect(Endpoints(region: "cn-north-4").servesKPS)
        #expect(Endpoints(region: "eu-west-0", override: URL(string: "http://127.0.0.1:1")).servesKPS)
        #expect(Endpoints(region: "eu-west-0", environment: ["HUAWEICLOUD_SDK_REGION_KPS_EU_WEST_0": "https://kps.example"])
            .servesKPS)
        let file = RegionsFile(services: ["KPS": ["ae-ad-1": ["https://kps.file.example"]]])
        #expect(Endpoints(region: "ae-ad-1", regionsFile: file).servesKPS)
    }

    @Test func anUnknownRegionFollowsThePattern() throws {
        let endpoints = Endpoints(region: "xx-new-9")
        #expect(!RegionTable.lists("xx-new-9"))
        #expect(try endpoints.url(for: .ecs).absoluteString == "https://ecs.xx-new-9.myhuaweicloud.com")
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.xx-new-9.myhuaweicloud.com")
        #expect(endpoints.servesKPS)
    }

    @Test func precedenceIsEndpointThenEnvironmentThenRegionsFileThenTable() throws {
        let file = RegionsFile(services: [
            "ECS": ["cn-north-4": ["https://ecs.file.example"]],
            "IMS": ["cn-north-4": ["https://ims.file.example"]],
        ])
        let environment = ["HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4": "https://ecs.env.example"]
        let endpoints = Endpoints(region: "cn-north-4", environment: environment, regionsFile: file)
        #expect(try endpoints.url(for: .ecs).absoluteString == "https://ecs.env.example")
        #expect(endpoints.source(for: .ecs) == .configuration)
        #expect(try endpoints.url(for: .ims).absoluteString == "https://ims.file.example")
        #expect(endpoints.source(for: .ims) == .regionsFile)
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.cn-north-4.myhuaweicloud.com")
        #expect(endpoints.source(for: .iam) == .table)

        let overridden = Endpoints(region: "cn-north-4", override: URL(string: "http://127.0.0.1:9"),
                                   environment: environment, regionsFile: file)
        for service in CloudService.allCases {
            #expect(try overridden.url(for: service).absoluteString == "http://127.0.0.1:9")
        }
    }

    @Test func aPlainHTTPHostFromTheRegionsFileIsRefusedAndSaysWhereItCameFrom() {
        let file = RegionsFile(services: ["ECS": ["cn-north-4": ["http://ecs.file.example"]]])
        #expect {
            try Endpoints(region: "cn-north-4", regionsFile: file).validate()
        } throws: { error in
            (error as? CloudError)?.message.contains("from the regions file") == true
        }
    }
}
