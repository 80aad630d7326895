/// The official Python SDK's listing of every server, page by page as its `list_servers_details`
/// goes (sequential), with the same filters the client sends. Prints one JSON line per page size:
/// `{"limit": N, "first_ms": F, "all_ms": A, "servers": S, "requests": R}`.
let sdkListingScript = #"""
import json, os, sys, time
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkecs.v2 import EcsClient
from huaweicloudsdkecs.v2 import model as ecs

config = HttpConfig.get_default_config()
config.timeout = (10, 60)
client = (EcsClient.new_builder()
          .with_http_config(config)
          .with_credentials(BasicCredentials(os.environ["SIM_AK"], os.environ["SIM_SK"], os.environ["SIM_PROJECT_ID"]))
          .with_region(Region(id=os.environ["SIM_REGION"], endpoint=os.environ["SIM_URL"]))
          .build())

for limit in [int(x) for x in sys.argv[1:]]:
    start = time.monotonic()
    first = None
    servers = 0
    requests = 0
    page = 1
    while True:
        reply = client.list_servers_details(ecs.ListServersDetailsRequest(
            offset=page, limit=limit, enterprise_project_id="all_granted_eps", not_tags="__type_baremetal"))
        requests += 1
        if first is None:
            first = time.monotonic() - start
        servers += len(reply.servers)
        if len(reply.servers) < limit or servers >= reply.count:
            break
        page += 1
    total = time.monotonic() - start
    print(json.dumps({"limit": limit, "first_ms": round(first * 1000), "all_ms": round(total * 1000),
                      "servers": servers, "requests": requests}), flush=True)
"""#
