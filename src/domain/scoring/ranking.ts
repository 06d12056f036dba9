/**
 * Ranking within a block (khối, cụm thi đua) by final total, with ties sharing a rank (1, 2, 2, 4).
 * The leaders — rank ≤ leaderCount, so a tie at the boundary brings all the tied units in — become
 * candidates for the Cờ thi đua in the commendation rounds.
 */
import { competitionRank } from '../indicators/rank';

export interface SheetScore {
  orgId: string;
  total: number | null;
}

export interface RankedSheet extends SheetScore {
  rank: number | null;
  leader: boolean;
}

export function rankBlock(sheets: readonly SheetScore[], leaderCount: number): RankedSheet[] {
  return competitionRank(sheets, (s) => s.total).map(({ item, rank }) => ({
    ...item,
    rank,
    leader: rank !== null && rank <= leaderCount,
  }));
}
