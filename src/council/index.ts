// Public API of the council module (Hội đồng Thi đua - Khen thưởng).
export { councilRoutes } from './council.routes.ts';
export { getSessionView, type SessionView } from './session-view.ts';
export {
  addAgendaItems,
  closeSession,
  createSession,
  recordAttendance,
  saveCouncil,
  type CouncilInput,
} from './manage-council.ts';
export {
  castBallot,
  closeVoting,
  declareConflict,
  enterWrittenOpinion,
  openVoting,
  recordPaperTally,
  resetVoting,
} from './vote.ts';
export { tally, votingRuleFor, quorumFor, quorumMet, BALLOT_CHOICES, type BallotChoice } from './tally.ts';
export { ballotKeyFile, loadBallotKey } from './ballot-seal.ts';
export {
  emulationCouncils,
  councilMembers,
  councilSessions,
  councilAttendance,
  councilAgendaItems,
  councilRecusals,
  councilVoteMarks,
  councilSealedBallots,
  councilBallots,
} from './council.schema.ts';
export { recordPaperSession, type PaperSessionInput } from './paper-session.ts';
export { findCouncil, insertCouncil, replaceMembers, listMembers } from './council.repository.ts';
