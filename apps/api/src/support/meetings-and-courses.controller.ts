import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import { supportRoutes as routes, type CourseView, type SupervisionMeetingView } from '@familybank/contracts';
import { SupportErrors, type CourseCommand, type SupervisionMeetingCommand } from '@familybank/domain-support';
import { DocumentStore, SupportQueries } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, WithHeaders, type BodyOf, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { familyStanding } from './family-standing';

type MeetingParam = { meetingId: string };
type CourseParam = { courseId: string };

/** The municipality's supervision meetings (individual or group) and its course catalogue. */
@Controller()
export class MeetingsAndCoursesController {
  private readonly support: SupportQueries;

  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
  ) {
    this.support = new SupportQueries(documents);
  }

  @ContractRoute(routes.planSupervisionMeeting)
  async planMeeting(@Body() body: BodyOf<typeof routes.planSupervisionMeeting>, @Ctx() ctx: RequestContext) {
    const { familyIds, ...terms } = body;
    const families = familyIds.map((familyId) => ({ familyId, standing: familyStanding(this.documents, ctx.principal.municipality, familyId) }));
    const meetingId = ctx.commandId;
    const location = `/v1/support/supervision-meetings/${meetingId}`;
    const meeting = await this.runMeeting(meetingId, { type: 'PlanSupervisionMeeting', data: { ...terms, meetingId, families } }, ctx, location);
    return new WithHeaders(meeting, { Location: location, ETag: `"${meeting.revision}"` });
  }

  @ContractRoute(routes.recordSupervisionAttendance)
  attendance(@Param() p: MeetingParam, @Body() body: BodyOf<typeof routes.recordSupervisionAttendance>, @Ctx() ctx: RequestContext) {
    return this.runMeeting(p.meetingId, { type: 'RecordSupervisionAttendance', data: body }, ctx);
  }

  @ContractRoute(routes.cancelSupervisionMeeting)
  cancel(@Param() p: MeetingParam, @Body() body: BodyOf<typeof routes.cancelSupervisionMeeting>, @Ctx() ctx: RequestContext) {
    return this.runMeeting(p.meetingId, { type: 'CancelSupervisionMeeting', data: body }, ctx);
  }

  @ContractRoute(routes.getSupervisionMeeting)
  meeting(@Param() p: MeetingParam, @Ctx() ctx: RequestContext) {
    const meeting = this.support.supervisionMeeting(ctx.principal.municipality, p.meetingId);
    if (!meeting) throw SupportErrors.meetingNotFound(p.meetingId);
    return meeting;
  }

  @ContractRoute(routes.listSupervisionMeetings)
  meetings(@Query() query: QueryOf<typeof routes.listSupervisionMeetings>, @Ctx() ctx: RequestContext) {
    return this.support.supervisionMeetings(ctx.principal.municipality, { ...query, before: cursorParam(query.cursor) });
  }

  @ContractRoute(routes.createCourse)
  async createCourse(@Body() body: BodyOf<typeof routes.createCourse>, @Ctx() ctx: RequestContext) {
    const courseId = ctx.commandId;
    const location = `/v1/support/courses/${courseId}`;
    const course = await this.runCourse(courseId, { type: 'CreateCourse', data: { ...body, courseId } }, ctx, location);
    return new WithHeaders(course, { Location: location, ETag: `"${course.revision}"` });
  }

  @ContractRoute(routes.enrolFamily)
  enrol(@Param() p: CourseParam, @Body() body: BodyOf<typeof routes.enrolFamily>, @Ctx() ctx: RequestContext) {
    const family = familyStanding(this.documents, ctx.principal.municipality, body.familyId);
    return this.runCourse(p.courseId, { type: 'EnrolFamily', data: { familyId: body.familyId, family } }, ctx);
  }

  @ContractRoute(routes.withdrawEnrolment)
  withdraw(@Param() p: CourseParam & { familyId: string }, @Body() body: BodyOf<typeof routes.withdrawEnrolment>, @Ctx() ctx: RequestContext) {
    return this.runCourse(p.courseId, { type: 'WithdrawEnrolment', data: { familyId: p.familyId, ...body } }, ctx);
  }

  @ContractRoute(routes.recordCourseAttendance)
  courseAttendance(@Param() p: CourseParam & { sessionId: string }, @Body() body: BodyOf<typeof routes.recordCourseAttendance>, @Ctx() ctx: RequestContext) {
    return this.runCourse(p.courseId, { type: 'RecordCourseAttendance', data: { sessionId: p.sessionId, ...body } }, ctx);
  }

  @ContractRoute(routes.getCourse)
  course(@Param() p: CourseParam, @Ctx() ctx: RequestContext) {
    const course = this.support.course(ctx.principal.municipality, p.courseId);
    if (!course) throw SupportErrors.courseNotFound(p.courseId);
    return course;
  }

  @ContractRoute(routes.listCourses)
  courses(@Query() query: QueryOf<typeof routes.listCourses>, @Ctx() ctx: RequestContext) {
    return this.support.courses(ctx.principal.municipality, { ...query, before: cursorParam(query.cursor) });
  }

  private runMeeting(meetingId: string, command: SupervisionMeetingCommand, ctx: RequestContext, location?: string): Promise<SupervisionMeetingView> {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'supervision-meeting', id: meetingId, command }, ctx, () => this.support.supervisionMeeting(own, meetingId)!, { location });
  }

  private runCourse(courseId: string, command: CourseCommand, ctx: RequestContext, location?: string): Promise<CourseView> {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'course', id: courseId, command }, ctx, () => this.support.course(own, courseId)!, { location });
  }
}
