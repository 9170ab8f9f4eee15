"""The JSON API and the pages over a small hand-made store (FastAPI's TestClient, no network)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from conftest import run_cli  # noqa: E402
from tipkb.store import open_store  # noqa: E402
from tipkb.web import create_app  # noqa: E402
from web_fixtures import TOKEN, UPLOAD_TEXT, build_store  # noqa: E402


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build_store(tmp_path / "kb.db")


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writer(db: str) -> Iterator[TestClient]:
    """A client of a server with uploads on."""
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    return response.json()


def all_items(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every item of a paginated list, following ``next``."""
    items: list[dict[str, Any]] = []
    while url:
        page = get(client, url)
        items += page["items"]
        url = page["next"]
    return items


def counts(db: str) -> dict[str, int]:
    with open_store(db, create=False) as store:
        return store.counts()


# -- reading --------------------------------------------------------------------------------------


def test_index(client: TestClient) -> None:
    body = get(client, "/api")
    assert body["counts"]["documents"] == 3
    assert body["endpoints"]["flows"].startswith("/api/flows")


def test_favicon_for_documents_without_an_icon_of_their_own(client: TestClient) -> None:
    moved = client.get("/favicon.ico", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/static/favicon.svg"
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_countries_paginated(client: TestClient) -> None:
    first = get(client, "/api/countries?limit=2")
    assert first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) == 2
    assert first["total"] >= 8 and first["next"] and first["prev"] is None
    everything = all_items(client, "/api/countries?limit=3")
    assert len(everything) == first["total"]
    assert len({c["code"] for c in everything}) == len(everything)
    nepal = next(c for c in everything if c["code"] == "NPL")
    assert (
        nepal["roles"] == ["origin"] and nepal["latest_tier"] == "2WL" and nepal["page"] == "/countries/NPL"
    )
    regions = get(client, "/api/countries?kind=region")["items"]
    assert [r["code"] for r in regions] == ["region:Europe"]
    assert [c["code"] for c in get(client, "/api/countries?role=destination")["items"]] == ["THA"]


@pytest.mark.parametrize("name", ["NPL", "npl", "Nepal", "Nepali"])
def test_profile_by_code_name_or_demonym(client: TestClient, name: str) -> None:
    body = get(client, f"/api/countries/{name}")
    assert body["country"] == "NPL" and body["name"] == "Nepal" and body["documents"] == 2
    assert {(t["year"], t["tier"]) for t in body["tiers"]} == {(2016, "2"), (2016, "2WL"), (2017, "2WL")}
    assert {r["destination"] for r in body["outbound"]} == {"QAT", "IND", "MYS"}
    assert body["charts"]["investigations"] == [[2015, 150], [2016, 180]]
    assert body["ratifications"][0]["fields"] == {"instrument": "palermo_protocol", "year": 2020, "month": 6}


def test_profile_evidence_links_to_document_and_sentence(client: TestClient) -> None:
    assert get(client, "/api/countries/NPL")["tiers"][0]["evidence"] == []
    body = get(client, "/api/countries/NPL?evidence=true")
    ev = body["tiers"][0]["evidence"][0]
    assert ev["document"].startswith("fixtures/nepal-")
    doc = get(client, ev["document_url"])
    assert doc["text"][ev["start"] : ev["end"]] == ev["text"]
    assert ev["page"] == f"/documents/{doc['id']}#ev-{ev['start']}-{ev['end']}"
    sentences = get(client, ev["sentence_url"])
    assert sentences["items"][0]["text"] == ev["text"]
    assert sentences["items"][0]["facts"]
    html = client.get(ev["page"].split("#")[0]).text
    assert f'id="ev-{ev["start"]}-{ev["end"]}"' in html


def test_unknown_country_is_404_with_suggestions(client: TestClient) -> None:
    body = get(client, "/api/countries/Nepall", 404)
    assert body["error"]["status"] == 404
    assert "did you mean" in body["error"]["message"]
    assert "Nepal" in body["error"]["suggestions"]
    assert get(client, "/api/flows?origin=Narnia", 404)["error"]["message"].startswith("unknown country")


def test_flows_filters(client: TestClient) -> None:
    def pairs(query: str) -> set[tuple[str, str]]:
        return {(r["origin"], r["destination"]) for r in all_items(client, "/api/flows?" + query)}

    assert pairs("origin=Nepal") == {("NPL", "QAT"), ("NPL", "IND"), ("NPL", "MYS")}
    assert pairs("destination=THA") == {("MMR", "THA"), ("KHM", "THA")}
    assert pairs("country=THA") == {("MMR", "THA"), ("KHM", "THA"), ("THA", "region:Europe")}
    assert pairs("via=IND") == {("NPL", "MYS")}
    assert pairs("exploitation=sexual") == {("NPL", "IND"), ("THA", "region:Europe")}
    assert pairs("victims=women&exploitation=sexual") == {("THA", "region:Europe")}
    assert pairs("victims=girls&victims=women") == set()
    assert pairs("year=2017") == {("NPL", "MYS"), ("MMR", "THA")}
    assert pairs("years=2016-2016&origin=NPL") == {("NPL", "QAT"), ("NPL", "IND")}
    assert pairs("hedged=true") == {("NPL", "MYS")}
    assert ("NPL", "MYS") not in pairs("hedged=false")
    assert pairs("region=Europe") == {("THA", "region:Europe")}
    assert pairs("region=Middle East") == {("NPL", "QAT")}
    assert ("NPL", "IND") in pairs("region=Asia") and ("THA", "region:Europe") in pairs("region=Asia")


def test_flows_evidence_and_paging(client: TestClient) -> None:
    page = get(client, "/api/flows?limit=2&evidence=true")
    assert page["total"] == 6 and len(page["items"]) == 2
    assert "evidence=true" in page["next"] and "limit=2" in page["next"]
    for row in page["items"]:
        assert row["evidence"] and all(e["page"].startswith("/documents/") for e in row["evidence"])
    assert "evidence" in get(client, "/api/flows?limit=1")["items"][0]
    assert get(client, "/api/flows?limit=1")["items"][0]["evidence"] == []
    last = get(client, "/api/flows?limit=4&offset=4")
    assert len(last["items"]) == 2 and last["next"] is None and last["prev"]


def test_tiers_and_statistics(client: TestClient) -> None:
    tiers = get(client, "/api/tiers?year=2016")["items"]
    assert {(t["country"], t["tier"]) for t in tiers} == {("NPL", "2"), ("NPL", "2WL"), ("THA", "3")}
    assert [t["tier"] for t in get(client, "/api/tiers?country=Thailand")["items"]] == ["3"]
    stats = get(client, "/api/statistics?country=NPL&metric=convictions&evidence=true")["items"]
    assert sorted(s["value"] for s in stats) == [40, 45]
    assert all(s["evidence"][0]["document_id"] for s in stats)
    assert get(client, "/api/statistics?country=NPL&years=2015-2015")["total"] == 1


def test_facts_paginated_with_links(client: TestClient) -> None:
    facts = all_items(client, "/api/facts?limit=4")
    with open_store(client.app.state.stores.url, create=False) as store:  # type: ignore[attr-defined]
        assert len(facts) == store.counts()["facts"]
    assert len({f["id"] for f in facts}) == len(facts)
    for f in facts:
        assert (
            f["links"]["page"]
            == f"/documents/{f['links']['document_id']}#ev-{f['evidence']['start']}-{f['evidence']['end']}"
        )
    tiers = get(client, "/api/facts?type=tier&country=Nepal")["items"]
    assert len(tiers) == 3 and all(f["type"] == "tier" for f in tiers)
    assert {f["doc"] for f in get(client, "/api/facts?doc=thailand")["items"]} == {"fixtures/thailand.md"}
    assert get(client, "/api/facts?type=flow&year=2017")["next"] is None


def test_documents_with_evidence_highlighted(client: TestClient) -> None:
    docs = get(client, "/api/documents")["items"]
    assert [d["source"] for d in docs] == [
        "fixtures/nepal-2016.txt",
        "fixtures/nepal-2017.txt",
        "fixtures/thailand.md",
    ]
    doc = get(client, docs[2]["url"])
    assert doc["title"] is None and doc["subject"] == "THA"
    assert "**Cambodian children beg in the streets of Bangkok.**" in doc["highlighted"]
    assert "A market trader sells mangoes near the river." in doc["highlighted"]
    assert "**A market trader" not in doc["highlighted"]
    for span in doc["spans"]:
        assert doc["text"][span["start"] : span["end"]] == span["text"] and span["facts"]
    assert {f["id"] for f in doc["facts"]} == {i for s in doc["spans"] for i in s["facts"]}
    sentences = get(client, docs[2]["url"] + "/sentences?limit=2")
    assert len(sentences["items"]) == 2 and sentences["next"]
    at = get(client, docs[2]["url"] + f"/sentences?at={doc['spans'][2]['start']}&limit=1")
    assert at["items"][0]["text"] == doc["spans"][2]["text"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/documents/....//....//etc/passwd",
        "/api/documents/0000000000000000",
        "/api/documents/not-a-document",
        "/api/documents/%00",
        "/api/documents/0000000000000000/sentences",
    ],
)
def test_document_ids_cannot_escape(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422), response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["status"] == response.status_code
    assert "root:" not in response.text


def test_search(client: TestClient) -> None:
    hits = get(client, "/api/search?q=forced+work")["items"]
    assert hits[0]["text"] == "Nepali men are forced to work on building sites in Qatar."
    assert "**forced**" in hits[0]["highlighted"]
    assert hits[0]["page"].startswith("/documents/")
    assert get(client, '/api/search?q="debt+bondage"')["items"][0]["document"] == "fixtures/nepal-2017.txt"
    assert get(client, "/api/search?q=zebra")["items"] == []
    assert get(client, "/api/search?q=a&limit=1")["limit"] == 1
    assert get(client, "/api/search?q=%21%21%21", 400)["error"]["message"].startswith("nothing to search")


def test_conflicts(client: TestClient) -> None:
    rows = get(client, "/api/conflicts?country=NPL")["items"]
    assert {(r["kind"], r["year"]) for r in rows} == {("tier", 2016), ("statistic", 2016)}
    tier = next(r for r in rows if r["kind"] == "tier")
    assert {s["value"] for s in tier["sides"]} == {"2", "2WL"}
    assert tier["sides"][0]["evidence"][0]["page"].startswith("/documents/")
    assert get(client, "/api/conflicts?country=THA")["total"] == 0
    assert get(client, "/api/conflicts?kind=statistic")["total"] == 1


def test_exports_are_downloads(client: TestClient, db: str) -> None:
    response = client.get("/api/export/jsonl")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == counts(db)["facts"]
    flows = client.get("/api/export/jsonl?type=flow").text.splitlines()
    assert len(flows) == 6
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/export/csv").content))
    assert "tipkb/tier.csv" in archive.namelist()
    geo = client.get("/api/export/geojson").json()
    assert geo["type"] == "FeatureCollection"
    assert client.get("/api/export/graphml").status_code == 200
    assert get(client, "/api/export/xlsx", 422)["error"]["status"] == 422
    assert get(client, "/api/export/jsonl?type=gossip", 422)["error"]


BAD_QUERIES = [
    ("/api/flows?limit=0", 422),
    ("/api/flows?limit=501", 422),
    ("/api/flows?limit=1000000000000000000000000", 422),
    ("/api/flows?limit=ten", 422),
    ("/api/flows?offset=-1", 422),
    ("/api/flows?offset=99999999999999999999999", 422),
    ("/api/flows?year=nineteen", 422),
    ("/api/flows?year=123456789012345678901234567890", 422),
    ("/api/flows?years=2010-2008", 400),
    ("/api/flows?years=lately", 400),
    ("/api/flows?victims=aliens", 400),
    ("/api/flows?exploitation=tourism", 400),
    ("/api/flows?hedged=perhaps", 422),
    ("/api/flows?evidence=2", 422),
    ("/api/flows?region=Atlantis", 400),
    ("/api/flows?origin=%00", 400),
    ("/api/flows?origin=" + "x" * 5000, 422),
    ("/api/tiers?country=Europe", 404),
    ("/api/statistics", 422),
    ("/api/statistics?country=NPL&metric=arrests", 400),
    ("/api/facts?type=rumour", 422),
    ("/api/facts?limit=100000", 422),
    ("/api/facts?doc=%01", 400),
    ("/api/search", 422),
    ("/api/search?q=", 422),
    ("/api/search?q=" + "w%20" * 400, 422),
    ("/api/countries?kind=planet", 422),
    ("/api/conflicts?kind=argument", 422),
    ("/api/documents?limit=-5", 422),
    ("/api/nowhere", 404),
]


@pytest.mark.parametrize(("url", "status"), BAD_QUERIES)
def test_bad_input_is_a_json_4xx(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status and body["error"]["message"]


def test_openapi_and_docs_page(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    paths = schema["paths"]
    for path in (
        "/api/countries",
        "/api/countries/{country}",
        "/api/flows",
        "/api/tiers",
        "/api/statistics",
        "/api/facts",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/search",
        "/api/conflicts",
        "/api/export/{fmt}",
    ):
        assert path in paths, path
    assert not any(p.startswith(("/countries", "/flows")) for p in paths)  # pages are not API
    limit = next(p for p in paths["/api/flows"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500
    html = client.get("/api/docs").text
    assert "/api/flows" in html and "limit" in html
    assert client.get("/docs").status_code == 404  # FastAPI's CDN-based docs are off


# -- uploads ----------------------------------------------------------------------------------------


def upload(
    client: TestClient, files: list[tuple[str, bytes]], token: str | None = TOKEN, header: str = "bearer"
) -> Any:
    headers = {}
    if token is not None:
        headers = {"Authorization": f"Bearer {token}"} if header == "bearer" else {"X-TIPKB-Token": token}
    return client.post(
        "/api/documents",
        files=[("files", (n, d, "application/octet-stream")) for n, d in files],
        headers=headers,
    )


def test_uploads_off_without_server_token(client: TestClient, db: str) -> None:
    before = counts(db)
    for token in (None, TOKEN):
        response = upload(client, [("maldives.txt", UPLOAD_TEXT.encode())], token)
        assert response.status_code == 403
        assert "TIPKB_TOKEN" in response.json()["error"]["message"]
    assert counts(db) == before
    assert "Uploads are off" in client.get("/upload").text


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x"])
def test_upload_needs_the_token(writer: TestClient, db: str, token: str | None) -> None:
    before = counts(db)
    response = upload(writer, [("maldives.txt", UPLOAD_TEXT.encode())], token)
    assert response.status_code == 401
    assert response.json()["error"]["status"] == 401
    assert counts(db) == before


def test_upload_ingests_with_per_file_results(writer: TestClient, db: str) -> None:
    before = get(writer, "/api/documents")["total"]
    response = upload(
        writer, [("../../maldives.txt", UPLOAD_TEXT.encode()), ("same.md", UPLOAD_TEXT.encode())]
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["new", "duplicate"]
    assert results[0]["source"] == "uploads/maldives.txt" and results[0]["facts"] > 0
    doc = get(writer, results[0]["document_url"])
    assert doc["source"] == "uploads/maldives.txt" and doc["facts"]
    assert get(writer, "/api/documents")["total"] == before + 1  # the cache saw the change
    again = upload(writer, [("maldives.txt", UPLOAD_TEXT.encode())], header="x-token").json()["results"]
    assert again[0]["status"] == "unchanged"


@pytest.mark.parametrize(
    ("files", "status"),
    [
        ([("big.txt", b"word " * (1024 * 1024 + 1))], 413),
        ([("tool.exe", b"MZ\x90\x00binary")], 415),
        ([("picture.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)], 415),
        ([("notes", b"plain words")], 415),
        ([("ok.txt", UPLOAD_TEXT.encode()), ("bad.docx", b"PK\x03\x04zip")], 415),
        ([("empty.txt", b"   ")], 400),
    ],
)
def test_bad_uploads_write_nothing(
    writer: TestClient, db: str, files: list[tuple[str, bytes]], status: int
) -> None:
    before = counts(db)
    response = upload(writer, files)
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status and "nothing was stored" in body["message"]
    assert any(r["status"] == "rejected" for r in body["results"])
    assert counts(db) == before


def test_oversized_request_refused_before_reading(writer: TestClient, db: str) -> None:
    before = counts(db)
    response = writer.post(
        "/api/documents",
        content=b"x" * 10,
        headers={
            "Authorization": f"Bearer {TOKEN}",
            "Content-Length": str(10**9),
            "Content-Type": "multipart/form-data; boundary=b",
        },
    )
    assert response.status_code == 413
    assert counts(db) == before
    response = upload(writer, [])
    assert response.status_code in (400, 422)
    assert response.json()["error"]
    too_many = upload(writer, [(f"f{i}.txt", b"words") for i in range(21)])
    assert too_many.status_code == 413 and counts(db) == before


# -- pages -----------------------------------------------------------------------------------------------


PAGES = [
    "/",
    "/?year=2017",
    "/?by=role",
    "/countries/NPL",
    "/countries/THA",
    "/countries/region:Europe",
    "/countries/NPL/facts",
    "/countries/NPL/facts?offset=100",
    "/flows",
    "/flows?origin=Nepal&exploitation=labor&years=2016-2017&region=Asia&victims=men&hedged=false",
    "/search?q=forced",
    "/search",
    "/documents",
    "/conflicts",
    "/conflicts?country=NPL",
    "/api/docs",
    "/upload",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_offline(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]
    # Nothing from elsewhere: every src/href is on this server (or a fragment).
    for attr in re.findall(r'(?:src|href|action)="([^"]*)"', html):
        assert not re.match(r"^(?:[a-z]+:)?//", attr), attr
    assert "<script" not in html or 'src="/static/app.js"' in html


def test_map_and_country_pages_show_the_data(client: TestClient) -> None:
    html = client.get("/?year=2016").text
    assert 'class="area t3' in html and 'href="/countries/THA"' in html
    assert "Thailand: Tier 3 in 2016" in html
    assert 'class="area t2' in html and "also stated: Tier 2 Watch List" in html
    country = client.get("/countries/NPL").text
    for text in (
        "Tier placements",
        "Investigations",
        "Convictions",
        "Inbound",
        "Outbound",
        "Qatar",
        'class="arc out"',
        "Palermo Protocol",
        "2020-06",
    ):
        assert text in country, text
    assert "Nepali men are forced to work on building sites in Qatar." in country
    assert re.search(r'href="/documents/[0-9a-f]{16}#ev-\d+-\d+"', country)
    facts = client.get("/countries/Nepali/facts").text
    assert facts.count('<span class="fact-type">') == 13
    assert len(re.findall(r'href="/documents/[0-9a-f]{16}#ev-\d+-\d+"', facts)) == 13


def test_country_page_names_and_errors(client: TestClient) -> None:
    response = client.get("/countries/Nepali", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/countries/NPL"
    missing = client.get("/countries/Nepall")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert 'href="/countries/NPL"' in missing.text
    assert client.get("/countries?q=Thai", follow_redirects=False).headers["location"] == "/countries/THA"
    assert client.get("/documents/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/flows?years=later").status_code == 400


def test_document_page_marks_evidence(client: TestClient) -> None:
    doc = get(client, "/api/documents")["items"][2]
    html = client.get(f"{doc['page']}?sentence=0-17").text
    assert html.count('<mark id="ev-') == 4
    assert '<span id="sentence" class="hit"' in html
    assert "A market trader sells mangoes near the river." in html


def test_flows_page_filters(client: TestClient) -> None:
    html = client.get("/flows?destination=Thailand").text
    assert "2 flows" in html and "Cambodia" in html and "Qatar" not in html.split("flow-table")[1]


# -- the command ------------------------------------------------------------------------------------------


def test_serve_command_refuses_a_missing_store(tmp_path: Path) -> None:
    result = run_cli("serve", "--db", str(tmp_path / "none.db"), "--port", "1")
    assert result.returncode != 0
    assert "no knowledge base" in result.stderr


def test_serve_command_help() -> None:
    result = run_cli("serve", "--help")
    assert result.returncode == 0
    for option in ("--db", "--host", "--port"):
        assert option in result.stdout


# A whole annual report in three narratives (our own sentences), as a text file.
WHOLE_REPORT = """TRAFFICKING IN PERSONS REPORT 2019

KAZAKHSTAN: TIER 2

Kazakhstan is a destination country for men and women subjected to forced labor. Traffickers exploit
workers from Uzbekistan in construction and agriculture in Kazakhstan.

MOLDOVA: TIER 2

Moldova is a source country for women and girls subjected to sex trafficking. Traffickers exploit
Moldovan women in Turkey and in Russia, often after promising them jobs abroad.

NEPAL: TIER 2

Nepal is a source country for men, women, and children subjected to forced labor. Traffickers exploit
Nepali men in Qatar and in Malaysia in construction and domestic work.
"""


def test_an_uploaded_whole_report_is_split_into_its_narratives(writer: TestClient) -> None:
    response = upload(writer, [("report-2019.txt", WHOLE_REPORT.encode())])
    assert response.status_code == 200, response.text
    (result,) = response.json()["results"]
    parts = result["documents"]
    assert [p["source"] for p in parts] == [
        "uploads/report-2019.txt#KAZ",
        "uploads/report-2019.txt#MDA",
        "uploads/report-2019.txt#NPL",
    ]
    assert all(p["status"] == "new" and p["facts"] > 0 for p in parts)
    assert result["facts"] == sum(p["facts"] for p in parts)
    assert get(writer, parts[1]["document_url"])["source"] == "uploads/report-2019.txt#MDA"
    again = upload(writer, [("report-2019.txt", WHOLE_REPORT.encode())]).json()["results"][0]
    assert [p["status"] for p in again["documents"]] == ["unchanged"] * 3
