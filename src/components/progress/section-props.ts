// What every document's part of the progress page takes: the campaigns read, the two compared
// in detail, and how the page shows them.
import type { CampaignReading, PairProgress } from '../../domain/progress/compare';

export interface ProgressSectionProps {
  readings: CampaignReading[];
  pair: PairProgress | undefined;
  /** On screen, an axis opens the answers that changed it; absent in the report. */
  onshow?: (axis: { id: string; label: string }) => void;
  /** Prefix of the ids of the charts and headings ("progres", "rapport"). */
  idPrefix?: string;
  /** Charts drawn as they near the screen (the long progress page). */
  lazy?: boolean;
}
