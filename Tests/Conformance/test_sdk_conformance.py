"""The official Huawei Cloud Python SDK (pinned in requirements.txt) against the standalone simulator.

The SDK is an independent client: it signs every request with its own signer, builds the URLs and
query strings its own way and decodes the replies into its own models. If the simulator accepts
it and it accepts the simulator, the two agree on the wire. `run` starts the simulator and passes
its URL and account in the environment:

    SIM_URL, SIM_AK, SIM_SK, SIM_PROJECT_ID, SIM_REGION, SIM_SERVERS
"""

import base64
import os
import time

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials, GlobalCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException, ServerResponseException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkecs.v2 import EcsClient
from huaweicloudsdkecs.v2 import model as ecs
from huaweicloudsdkiam.v3 import IamClient
from huaweicloudsdkiam.v3 import model as iam
from huaweicloudsdkims.v2 import ImsClient
from huaweicloudsdkims.v2 import model as ims
from huaweicloudsdkkps.v3 import KpsClient
from huaweicloudsdkkps.v3 import model as kps

URL = os.environ["SIM_URL"]
AK = os.environ["SIM_AK"]
SK = os.environ["SIM_SK"]
PROJECT_ID = os.environ["SIM_PROJECT_ID"]
REGION = os.environ["SIM_REGION"]
SERVERS = int(os.environ.get("SIM_SERVERS", "40"))

# The demo servers, first in every data set with fixed ids (Sources/CloudSimulator/SimulatorDataSet.swift).
WEB_01 = "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01"
WEB_02 = "7a2d4f6b-8c1e-4a3f-b5d7-9e1c3a5f7b02"
LEGACY_APP = "b4e6a8c1-2d3f-4b5a-9c7e-1f3a5b7d9c03"
WIN_AD = "d8a1c3e5-7f9b-4d1c-a3e5-7b9d1f3a5c04"
DB_REPLICA = "5c7e9a1b-3d5f-4c7e-9a1b-3d5f7c9e1a06"
BUILD_RUNNER = "9f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507"
LOCKED = "6d8f1a3c-5e7b-4d9f-a1c3-5e7b9d1f3a09"
NO_DISK = "a1c3e5b7-9d1f-4a3c-b5e7-9d1f3a5c7e10"
CACHE_01 = "e5b7d9f1-3a5c-4e7b-9d1f-3a5c7e9b1d11"
IMPORTED_APP = "c9d1f3a5-b7c9-4e1d-a3f5-b7c9d1e3f512"
USER_ID = "7e25b1da389f4697a79df3a0e5bd494e"
PASSWORD = "Str0ng!Passw0rd"


def http_config():
    config = HttpConfig.get_default_config()
    config.timeout = (5, 10)
    return config


def build(client_class, credentials):
    return (client_class.new_builder()
            .with_http_config(http_config())
            .with_credentials(credentials)
            .with_region(Region(id=REGION, endpoint=URL))
            .build())


@pytest.fixture(scope="session")
def ecs_client():
    return build(EcsClient, BasicCredentials(AK, SK, PROJECT_ID))


@pytest.fixture(scope="session")
def ims_client():
    return build(ImsClient, BasicCredentials(AK, SK, PROJECT_ID))


@pytest.fixture(scope="session")
def kps_client():
    return build(KpsClient, BasicCredentials(AK, SK, PROJECT_ID))


def wait_for_job(client, job_id, timeout=20.0):
    deadline = time.monotonic() + timeout
    seen = []
    while True:
        job = client.show_job(ecs.ShowJobRequest(job_id=job_id))
        if not seen or seen[-1] != job.status:
            seen.append(job.status)
        if job.status in ("SUCCESS", "FAIL"):
            return job, seen
        assert time.monotonic() < deadline, f"job {job_id} still {job.status} after {timeout} s"
        time.sleep(0.1)


# --- IAM ---------------------------------------------------------------------------------------

def test_the_sdk_finds_the_project_id_through_iam_on_its_own():
    credentials = BasicCredentials(AK, SK)  # no project id: the SDK asks IAM /v3/projects?name=
    credentials.iam_endpoint = URL
    client = build(EcsClient, credentials)
    page = client.list_servers_details(ecs.ListServersDetailsRequest(limit=1))
    assert credentials.project_id == PROJECT_ID
    assert page.count == SERVERS


def test_iam_projects_and_the_permanent_access_key():
    client = IamClient.new_builder() \
        .with_http_config(http_config()) \
        .with_credentials(GlobalCredentials(AK, SK, "simulated-domain-id")) \
        .with_endpoint(URL) \
        .build()
    projects = client.keystone_list_projects(iam.KeystoneListProjectsRequest(name=REGION)).projects
    assert [(p.id, p.name) for p in projects] == [(PROJECT_ID, REGION)]
    credential = client.show_permanent_access_key(iam.ShowPermanentAccessKeyRequest(access_key=AK)).credential
    assert credential.user_id == USER_ID
    assert credential.access == AK


# --- ECS reads ---------------------------------------------------------------------------------

def test_list_pages_by_page_number(ecs_client):
    limit = 15
    pages = (SERVERS + limit - 1) // limit
    ids = []
    for page in range(1, pages + 1):
        reply = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(offset=page, limit=limit))
        assert reply.count == SERVERS
        assert len(reply.servers) == (limit if page < pages else SERVERS - limit * (pages - 1))
        ids += [s.id for s in reply.servers]
    assert len(set(ids)) == SERVERS
    assert ids[0] == WEB_01
    beyond = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(offset=pages + 1, limit=limit))
    assert beyond.count == SERVERS and beyond.servers == []


def test_list_filters_by_fuzzy_name_and_status_group(ecs_client):
    web = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(name="WEB-0", limit=100))
    assert {"web-01", "web-02"} <= {s.name for s in web.servers}
    assert all("web-0" in s.name.lower() for s in web.servers)
    cjk = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(name="数据库"))
    assert {s.name for s in cjk.servers} == {"数据库-主节点", "数据库-从节点"}
    stopped = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(status="SHUTOFF", limit=1000))
    assert stopped.count > 0
    assert all(s.status in ("SHUTOFF", "RESIZE", "REBUILD") for s in stopped.servers)


def test_show_server_has_the_detail_shape(ecs_client):
    server = ecs_client.show_server(ecs.ShowServerRequest(server_id=BUILD_RUNNER)).server
    assert server.name == "build-runner"
    assert server.status == "ACTIVE"
    assert server.metadata["os_type"] == "Linux"
    assert server.image.id == server.metadata["metering.image_id"]
    assert server.flavor.vcpus == "4"
    assert server.os_ext_st_svm_state == "active"
    assert server.os_ext_st_spower_state == 1
    assert server.os_ext_srv_att_rroot_device_name == "/dev/vda"
    assert [v.boot_index for v in server.os_extended_volumesvolumes_attached] == ["0"]
    assert server.locked is False
    assert server.key_name == "deploy-rsa"


def test_server_details_have_the_real_fields_the_sdk_models(ecs_client):
    server = ecs_client.show_server(ecs.ShowServerRequest(server_id=CACHE_01)).server
    assert server.status == "ERROR" and server.fault["code"] == 500
    assert server.enterprise_project_id == "0"
    assert [(t.key, t.value) for t in server.sys_tags] == [("_sys_enterprise_project_id", "0")]
    assert server.tags == []
    assert [g.name for g in server.security_groups] == ["default", "sg-web-ssh-rdp"]
    assert server.os_ext_srv_att_rhypervisor_hostname and server.os_ext_srv_att_rinstance_name
    assert server.host_id and server.os_srv_us_glaunched_at
    assert server.cpu_options.hwcpu_threads == 2 and server.hypervisor.hypervisor_type == "kvm"
    address = next(iter(server.addresses.values()))[0]
    assert address.os_ext_ips_ma_cmac_addr.startswith("fa:16:3e:") and address.primary is True
    assert server.flavor.disk == "0"
    assert server.os_extended_volumesvolumes_attached[0].delete_on_termination == "true"


def test_list_by_enterprise_project_and_without_bare_metal(ecs_client):
    everything = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(
        limit=1000, enterprise_project_id="all_granted_eps", not_tags="__type_baremetal"))
    assert everything.count == SERVERS
    projects = {s.enterprise_project_id for s in everything.servers}
    assert "0" in projects and len(projects) > 1, "the generated servers spread over several enterprise projects"
    default = ecs_client.list_servers_details(ecs.ListServersDetailsRequest(limit=1000, enterprise_project_id="0"))
    assert 0 < default.count < SERVERS
    assert all(s.enterprise_project_id == "0" for s in default.servers)


# --- IMS and KPS -------------------------------------------------------------------------------

def test_images_through_ims_and_glance(ecs_client, ims_client):
    legacy = ecs_client.show_server(ecs.ShowServerRequest(server_id=LEGACY_APP)).server
    images = ims_client.list_images(ims.ListImagesRequest(id=legacy.image.id)).images
    assert len(images) == 1
    assert images[0].imagetype == "private"
    assert images[0].support_fc_inject == "true"

    glance = ims_client.glance_show_image(ims.GlanceShowImageRequest(image_id=legacy.image.id))
    assert glance.id == legacy.image.id
    assert glance.support_fc_inject == "true"
    assert glance.visibility == "private"

    imported = ecs_client.show_server(ecs.ShowServerRequest(server_id=IMPORTED_APP)).server
    assert ims_client.glance_show_image(ims.GlanceShowImageRequest(image_id=imported.image.id)).root_origin == "file"

    web = ecs_client.show_server(ecs.ShowServerRequest(server_id=WEB_01)).server
    gold = ims_client.list_images(ims.ListImagesRequest(id=web.image.id)).images[0]
    assert gold.imagetype == "gold" and gold.support_fc_inject is None

    with pytest.raises(ClientRequestException) as refused:
        ims_client.glance_show_image(ims.GlanceShowImageRequest(image_id="00000000-0000-4000-8000-000000000000"))
    assert refused.value.status_code == 404


def test_keypairs_by_marker(kps_client):
    names, marker, pages = [], None, 0
    while True:
        reply = kps_client.list_keypairs(kps.ListKeypairsRequest(limit="2", marker=marker))
        names += [entry.keypair.name for entry in reply.keypairs]
        pages += 1
        marker = reply.page_info.next_marker
        if not marker:
            break
    assert pages >= 3
    assert names == sorted(names)
    assert {"deploy-rsa", "ops-ed25519"} <= set(names)
    assert len(names) == len(set(names)) >= 5


# --- Reinstall and stop ------------------------------------------------------------------------

def test_reinstall_v2_with_a_key_pair_runs_to_success(ecs_client):
    option = ecs.ReinstallServerWithCloudInitOption(
        keyname="deploy-rsa", userid=USER_ID, mode="withStopServer")
    reply = ecs_client.reinstall_server_with_cloud_init(ecs.ReinstallServerWithCloudInitRequest(
        server_id=WEB_01, body=ecs.ReinstallServerWithCloudInitRequestBody(os_reinstall=option)))
    assert len(reply.job_id) == 32
    assert ecs_client.show_server(ecs.ShowServerRequest(server_id=WEB_01)).server.status == "REBUILD"
    job, seen = wait_for_job(ecs_client, reply.job_id)
    assert job.status == "SUCCESS", (job.error_code, job.fail_reason)
    assert seen[-1] == "SUCCESS" and set(seen) <= {"INIT", "RUNNING", "SUCCESS"}
    assert job.begin_time and job.end_time
    assert job.entities.sub_jobs_total == 1
    assert job.entities.sub_jobs[0].status == "SUCCESS"
    assert job.entities.sub_jobs[0].entities.server_id == WEB_01
    server = ecs_client.show_server(ecs.ShowServerRequest(server_id=WEB_01)).server
    assert server.status == "ACTIVE"
    assert server.os_ext_st_stask_state is None
    assert server.key_name == "deploy-rsa"


def test_reinstall_v1_with_a_password_runs_to_success(ecs_client):
    option = ecs.ReinstallServerWithoutCloudInitOption(adminpass=PASSWORD)
    reply = ecs_client.reinstall_server_without_cloud_init(ecs.ReinstallServerWithoutCloudInitRequest(
        server_id=WIN_AD, body=ecs.ReinstallServerWithoutCloudInitRequestBody(os_reinstall=option)))
    job, _ = wait_for_job(ecs_client, reply.job_id)
    assert job.status == "SUCCESS", (job.error_code, job.fail_reason)
    assert ecs_client.show_server(ecs.ShowServerRequest(server_id=WIN_AD)).server.status == "ACTIVE"


def test_batch_stop_shuts_servers_off(ecs_client):
    body = ecs.BatchStopServersRequestBody(os_stop=ecs.BatchStopServersOption(
        servers=[ecs.ServerId(id=WEB_02)], type="SOFT"))
    reply = ecs_client.batch_stop_servers(ecs.BatchStopServersRequest(body=body))
    job, _ = wait_for_job(ecs_client, reply.job_id)
    assert job.status == "SUCCESS"
    assert ecs_client.show_server(ecs.ShowServerRequest(server_id=WEB_02)).server.status == "SHUTOFF"


# --- Refusals ----------------------------------------------------------------------------------

def v2(server_id, **fields):
    metadata = fields.pop("metadata", None)
    option = ecs.ReinstallServerWithCloudInitOption(
        metadata=ecs.ReinstallSeverMetadata(**metadata) if metadata else None, **fields)
    return lambda client: client.reinstall_server_with_cloud_init(ecs.ReinstallServerWithCloudInitRequest(
        server_id=server_id, body=ecs.ReinstallServerWithCloudInitRequestBody(os_reinstall=option)))


def v1(server_id, **fields):
    option = ecs.ReinstallServerWithoutCloudInitOption(**fields)
    return lambda client: client.reinstall_server_without_cloud_init(ecs.ReinstallServerWithoutCloudInitRequest(
        server_id=server_id, body=ecs.ReinstallServerWithoutCloudInitRequestBody(os_reinstall=option)))


def user_data(size):
    return base64.b64encode(b"#" * size).decode()


REFUSALS = [
    ("weak password", v2(DB_REPLICA, adminpass="onlylowercase123"), 400, "Ecs.0011"),
    ("password too short", v1(DB_REPLICA, adminpass="Sh0rt!"), 400, "Ecs.0011"),
    ("v1 with password and key", v1(DB_REPLICA, adminpass=PASSWORD, keyname="deploy-rsa", userid=USER_ID), 400, "Ecs.0005"),
    ("v1 with neither", v1(DB_REPLICA), 400, "Ecs.0005"),
    ("v2 with both", v2(DB_REPLICA, adminpass=PASSWORD, keyname="deploy-rsa", userid=USER_ID), 400, "Ecs.0005"),
    ("v2 with neither and no user_data", v2(DB_REPLICA, mode="withStopServer"), 400, "Ecs.0005"),
    ("unknown key pair", v2(DB_REPLICA, keyname="no-such-key", userid=USER_ID), 400, "Ecs.0314"),
    ("Windows v1 with a key pair", v1(WIN_AD, keyname="deploy-rsa", userid=USER_ID), 400, "Ecs.0005"),
    ("running without withStopServer", v2(BUILD_RUNNER, adminpass=PASSWORD), 400, "Ecs.0100"),
    ("no system disk", v2(NO_DISK, adminpass=PASSWORD), 400, "Ecs.0105"),
    ("locked", v2(LOCKED, adminpass=PASSWORD, mode="withStopServer"), 400, "Ecs.0605"),
    ("user_data over 32 KB", v2(DB_REPLICA, metadata={"user_data": user_data(32 * 1024 + 1)}), 400, "Ecs.0005"),
    # Linux with Cloud-Init ignores adminpass when user_data is given: refused, not silently dropped.
    ("Linux v2 adminpass with user_data", v2(DB_REPLICA, adminpass=PASSWORD, metadata={"user_data": user_data(16)}),
     400, "Ecs.0005"),
    ("encrypted without a CMK id", v2(DB_REPLICA, adminpass=PASSWORD, metadata={"system__encrypted": "1"}), 400, "Ecs.0005"),
    ("unknown server", v2("00000000-0000-4000-8000-000000000000", adminpass=PASSWORD), 404, "Ecs.0114"),
]


@pytest.mark.parametrize("call,status,code", [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_refusals_reach_the_sdk_as_client_errors(ecs_client, call, status, code):
    with pytest.raises(ClientRequestException) as refused:
        call(ecs_client)
    assert (refused.value.status_code, refused.value.error_code) == (status, code)
    assert refused.value.request_id
    assert PASSWORD not in refused.value.error_msg


def test_a_second_reinstall_while_a_job_runs_is_ecs_0603(ecs_client):
    # The ECS error table gives Ecs.0603 HTTP 501, so the SDK raises its 5xx exception here.
    first = v1(CACHE_01, adminpass=PASSWORD)(ecs_client)
    with pytest.raises(ServerResponseException) as refused:
        v1(CACHE_01, adminpass=PASSWORD)(ecs_client)
    assert (refused.value.status_code, refused.value.error_code) == (501, "Ecs.0603")
    wait_for_job(ecs_client, first.job_id)


def test_a_bad_signature_is_apigw_0301():
    client = build(EcsClient, BasicCredentials(AK, SK + "-wrong", PROJECT_ID))
    with pytest.raises(ClientRequestException) as refused:
        client.list_servers_details(ecs.ListServersDetailsRequest(limit=1))
    assert (refused.value.status_code, refused.value.error_code) == (401, "APIGW.0301")
    assert "verify aksk signature fail" in refused.value.error_msg


def test_five_failures_lock_the_access_key():
    # Another AK, so the locked key is not the one the other tests use.
    client = build(EcsClient, BasicCredentials("LOCKTESTACCESSKEY001", SK, PROJECT_ID))
    for _ in range(5):
        with pytest.raises(ClientRequestException):
            client.list_servers_details(ecs.ListServersDetailsRequest(limit=1))
    with pytest.raises(ClientRequestException) as refused:
        client.list_servers_details(ecs.ListServersDetailsRequest(limit=1))
    assert (refused.value.status_code, refused.value.error_code) == (401, "APIGW.0301")
    assert "AK access failed to reach the limit" in refused.value.error_msg
