import type { VisualDiffImage } from './visual-diff.dto';

/** A comparison's PNG in the artifact store: by its row, which names exactly what was compared. */
export const visualDiffArtifact = (row: { siteId: string; id: string }, image: VisualDiffImage): string =>
  `visual-diff/${row.siteId}/${row.id}/${image}.png`;
