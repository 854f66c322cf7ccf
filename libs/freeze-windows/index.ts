export { WEEKDAYS, isWeekly } from './src/freeze-window';
export type { FreezeWindow, OneOffWindow, WeeklyWindow, Weekday } from './src/freeze-window';
export { activeFreeze, type ActiveFreeze } from './src/active-freeze';
export { freezeWindowProblems, type FreezeWindowProblem } from './src/freeze-window-problems';
