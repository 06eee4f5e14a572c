#!/usr/bin/env python3
"""Reads an event with gql over HTTP, then follows the statements written about it over WebSocket
(gql's websockets transport, protocol graphql-transport-ws) and prints each as it arrives; stops
after COUNT of them (default: never). Needs `pip install "gql[requests,websockets]"`.

    python3 examples/live.py http://localhost:4000/graphql [EVENT_ID] [COUNT]
"""
import asyncio
import sys

from gql import Client, GraphQLRequest
from gql.transport.requests import RequestsHTTPTransport
from gql.transport.websockets import WebsocketsTransport

DAQUQ_STRIKE = "RXZlbnQ6ZGFxdXEtYWlyc3RyaWtlLTIwMTYtMTAtMjE"
EVENT = "query Event($id: ID!) { event(id: $id) { title } }"
STATEMENT_ADDED = "subscription StatementAdded($event: ID!) { statementAdded(eventId: $event) { key text speaker { name } } }"


async def follow(url, event_id, count):
    transport = WebsocketsTransport(url=url, subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL])
    async with Client(transport=transport) as session:
        received = 0
        async for data in session.subscribe(GraphQLRequest(STATEMENT_ADDED, variable_values={"event": event_id})):
            statement = data["statementAdded"]
            print(f'{statement["key"]} by {statement["speaker"]["name"]}: {statement["text"]}', flush=True)
            received += 1
            if received == count:
                return


def main(args):
    if not args:
        raise RuntimeError("usage: python3 examples/live.py URL [EVENT_ID] [COUNT]  (URL like http://localhost:4000/graphql)")
    url, event_id = args[0], args[1] if len(args) > 1 else DAQUQ_STRIKE
    count = int(args[2]) if len(args) > 2 else None
    with Client(transport=RequestsHTTPTransport(url=url)) as session:
        title = session.execute(GraphQLRequest(EVENT, variable_values={"id": event_id}))["event"]["title"]
    print(f'Following "{title}"', flush=True)
    asyncio.run(follow("ws" + url[len("http"):], event_id, count))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception as error:  # the API's message, without a traceback
        print(error, file=sys.stderr)
        sys.exit(1)
