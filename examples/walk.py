#!/usr/bin/env python3
"""Pages through every statement with `after` cursors, then runs the walk from an event to the
outlets that carried it, and prints a summary. Python standard library only; the queries are the
ones in examples/operations. With --persisted, sends each operation's ID (from
examples/generated/operation-ids.json) instead of its text, as a server with
PERSISTED_OPERATIONS_ONLY=true requires.

    python3 examples/walk.py [--persisted] http://localhost:4000/graphql [EVENT_ID]
"""
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

DAQUQ_STRIKE = "RXZlbnQ6ZGFxdXEtYWlyc3RyaWtlLTIwMTYtMTAtMjE"
PAGE_SIZE = 10
EXAMPLES = Path(__file__).resolve().parent
OPERATION_IDS = json.loads((EXAMPLES / "generated" / "operation-ids.json").read_text(encoding="utf-8"))


def request(url, persisted, operation, variables):
    """Runs the operation of examples/operations/<operation>.graphql, named <Operation> in it."""
    if persisted:
        persisted_query = {"version": 1, "sha256Hash": OPERATION_IDS[operation.capitalize()]}
        sent = {"variables": variables, "extensions": {"persistedQuery": persisted_query}}
    else:
        query = (EXAMPLES / "operations" / f"{operation}.graphql").read_text(encoding="utf-8")
        sent = {"query": query, "variables": variables}
    body = json.dumps(sent).encode("utf-8")
    req = urllib.request.Request(
        url,
        data=body,
        headers={"content-type": "application/json", "accept": "application/graphql-response+json"},
    )
    try:
        with urllib.request.urlopen(req) as response:
            result = json.load(response)
    except urllib.error.HTTPError as error:
        result = json.load(error)
    if result.get("errors") or not result.get("data"):
        raise RuntimeError("; ".join(e["message"] for e in result.get("errors", [])) or "no data")
    return result["data"]


def main(args):
    persisted = "--persisted" in args
    args = [arg for arg in args if arg != "--persisted"]
    if not args:
        raise RuntimeError("usage: python3 examples/walk.py [--persisted] URL [EVENT_ID]  (URL like http://localhost:4000/graphql)")
    url = args[0]
    event = args[1] if len(args) > 1 else DAQUQ_STRIKE

    kinds = {}
    statements = pages = total = 0
    after = None
    while True:
        page = request(url, persisted, "statements", {"first": PAGE_SIZE, "after": after})["statements"]
        if page is None:
            break
        pages += 1
        total = page["totalCount"]
        for edge in page["edges"]:
            statements += 1
            kinds[edge["node"]["kind"]] = kinds.get(edge["node"]["kind"], 0) + 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    print(f"Statements: {statements} of {total}, read in {pages} pages of {PAGE_SIZE}")
    for kind in sorted(kinds):
        print(f"  {kind}: {kinds[kind]}")

    walked = request(url, persisted, "walk", {"event": event})["event"]
    if walked is None:
        raise RuntimeError(f"no event with ID {event}")
    print(f'Walk from "{walked["title"]}" ({walked["startDate"]}): {len(walked["coverage"])} outlets')
    for coverage in walked["coverage"]:
        outlet = coverage["outlet"]
        state = f" (state-affiliated: {outlet['stateAffiliation']})" if outlet["stateAffiliation"] else ""
        stances = ", ".join(coverage["stances"]) or "no stance"
        print(f"  {outlet['name']}{state}: {len(coverage['reports'])} statements, {stances}")
        for report in coverage["reports"]:
            said = ", ".join(f"{s['value']} {s['claim']['key']}" for s in report["stances"]) or "no stance"
            speaker = report["statement"]["speaker"]
            print(f"    {report['statement']['kind']} by {speaker['name'] if speaker else 'unknown'}: {said}")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (RuntimeError, urllib.error.URLError) as error:
        print(error, file=sys.stderr)
        sys.exit(1)
