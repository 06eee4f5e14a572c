import { failureOf } from './api';
import { ExplorerStatementAddedDocument, type ExplorerStatementAddedSubscription } from './generated/graphql';

export type LiveStatement = ExplorerStatementAddedSubscription['statementAdded'];

/**
 * Follows `statementAdded` over Server-Sent Events (GraphQL over SSE, a GET to /graphql): the
 * browser's EventSource reconnects by itself, so the page needs no WebSocket client library.
 */
export function followStatements(eventId: string, onStatement: (statement: LiveStatement) => void, onState: (state: 'connected' | 'reconnecting' | string) => void): () => void {
  const url = new URL('/graphql', location.origin);
  url.searchParams.set('query', ExplorerStatementAddedDocument.toString());
  url.searchParams.set('variables', JSON.stringify({ eventId }));
  const source = new EventSource(url);
  const onNext = (message: MessageEvent<string>) => {
    const result = JSON.parse(message.data) as { data?: ExplorerStatementAddedSubscription; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    const [error] = result.errors ?? [];
    if (error) onState(failureOf(error.message, error.extensions?.code).message);
    else if (result.data) onStatement(result.data.statementAdded);
  };
  source.addEventListener('next', onNext);
  source.addEventListener('open', () => onState('connected'));
  source.addEventListener('error', () => onState('reconnecting'));
  return () => source.close();
}
