import { builder } from './builder.js';
import './modules/node/node.schema.js';
import './modules/source/source.schema.js';
import './modules/event/event.schema.js';
import './modules/place/place.schema.js';
import './modules/actor/actor.schema.js';
import './modules/outlet/outlet.schema.js';
import './modules/article/article.schema.js';
import './modules/statement/statement.schema.js';
import './modules/claim/claim.schema.js';
import './modules/media/media.schema.js';
import './modules/node/unions.js';
import './modules/coverage/coverage.schema.js';
import './modules/contest/contest.schema.js';
import './modules/search/search.schema.js';
import './modules/provenance/provenance.schema.js';
import './modules/subgraph/subgraph.schema.js';

export const schema = builder.toSchema({ sortSchema: true });
