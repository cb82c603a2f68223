import { meetingAndCourseRoutes } from './meetings-and-courses.routes';
import { familySupportRoutes } from './plan-and-calls.routes';

/** Support after approval (seeds 001, 004): contact person, development plan, emergency line, supervision, courses. */
export const supportRoutes = { ...familySupportRoutes, ...meetingAndCourseRoutes } as const;
