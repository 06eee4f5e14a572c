import { describe, expect, it } from 'vitest';
import { modelDiagram, readmeWithDiagram } from '../src/cli/model-diagram.js';
import { recordDeclarations } from '../src/modules/records.js';

describe('the README’s model diagram', () => {
  it('is the one the record declarations draw (npx claimgraph docs --write regenerates it)', async () => {
    const readme = await readmeWithDiagram();
    expect(readme).not.toBeNull();
    expect(readme!.current).toBe(readme!.updated);
  });

  it('draws every record kind and every declared link', () => {
    const diagram = modelDiagram();
    for (const declaration of recordDeclarations) expect(diagram).toContain(`class ${declaration.label} {`);
    expect(diagram).toContain('Event --> Place : OCCURRED_IN');
    expect(diagram).toContain('Statement --> Claim : STANCE (value, note)');
    expect(diagram).toContain('Actor --> Statement : MADE');
    expect(diagram).toContain('Event --> Event : MATCHES (status, score, reasons)');
  });
});
