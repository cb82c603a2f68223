import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { DocumentStore, FamilyQueries, FigureQueries, ProjectionRunner } from '@familybank/read-models';
import { AuditController } from './audit/audit.controller';
import { ReadAuditInterceptor } from './audit/read-audit.interceptor';
import { ReadAuditRecorder } from './audit/read-audit-recorder';
import { AuthGuard, TOKEN_VERIFIER } from './platform/auth/auth.guard';
import { CommandGateway } from './platform/commands/command-gateway';
import { Commands, ExecuteCommandHandler } from './platform/commands/execute-command';
import { ReadSide } from './platform/commands/read-side';
import { AppConfigToken } from './platform/config/config.provider';
import { FamilyLifecycleController } from './families/family-lifecycle.controller';
import { FamilyQueriesController } from './families/family-queries.controller';
import { ContractInterceptor } from './platform/http/contract.interceptor';
import { CsvResponseInterceptor } from './platform/http/csv-response';
import { FiguresController } from './figures/figures.controller';
import { IdempotencyInterceptor } from './platform/http/idempotency.interceptor';
import { IdempotencyStore } from './platform/http/idempotency.store';
import { ProblemFilter } from './platform/http/problem.filter';
import { AddressRateLimit, TokenRateLimit, rateLimitModule } from './platform/http/rate-limits';
import type { Runtime } from './infrastructure/runtime';
import { CLOCK, EVENT_STORE } from './platform/tokens';
import { FederationConsumer } from './federation/federation-consumer';
import { MunicipalityIdentities } from './federation/municipality-identities';
import { OutboxRelay } from './federation/outbox-relay';
import { PartnershipsController } from './partnerships/partnerships.controller';
import { ProfileViewRecorder } from './profile-views/profile-views';
import { ProfileViewsController } from './profile-views/profile-views.controller';
import { InboxController } from './offers/inbox.controller';
import { LocalCandidates } from './matching/local-candidates';
import { NetworkFamiliesController } from './network/network-families.controller';
import { NetworkMapController } from './network/network-map.controller';
import { OpsController } from './ops/ops.controller';
import { ProcessManagerRunner } from './workflows/process-manager-runner';
import { DisclosureReader } from './requests/disclosure-reader';
import { RequestsController } from './requests/requests.controller';
import { DevSessionModule } from './dev-session/dev-session.module';
import { WebModule } from './web/web.module';
import { WorklistController } from './worklist/worklist.controller';
import { FamilySupportController } from './support/family-support.controller';
import { MeetingsAndCoursesController } from './support/meetings-and-courses.controller';
import { DeliveryStore } from './webhooks/delivery-store';
import { WebhookSecrets } from './webhooks/webhook-secrets';
import { WebhookWorker } from './webhooks/webhook-worker';
import { WebhooksController } from './webhooks/webhooks.controller';

/** SIGTERM (enableShutdownHooks) closes the runtime too: Kafka consumers leave their groups, files are flushed. */
class RuntimeShutdown implements OnApplicationShutdown {
  constructor(private readonly runtime: Runtime) {}

  onApplicationShutdown(): Promise<void> {
    return this.runtime.close();
  }
}

@Module({})
export class AppModule {
  static with(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), DevSessionModule.with(runtime), WebModule.with(), rateLimitModule(runtime.config)],
      controllers: [
        FamilyLifecycleController,
        FamilyQueriesController,
        PartnershipsController,
        RequestsController,
        InboxController,
        OpsController,
        ProfileViewsController,
        NetworkFamiliesController,
        NetworkMapController,
        FiguresController,
        WorklistController,
        FamilySupportController,
        MeetingsAndCoursesController,
        WebhooksController,
        AuditController,
      ],
      providers: [
        { provide: AppConfigToken, useValue: runtime.config },
        { provide: RuntimeShutdown, useValue: new RuntimeShutdown(runtime) },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: ProjectionRunner, useValue: runtime.projections },
        { provide: FamilyQueries, useValue: runtime.queries },
        {
          provide: FigureQueries,
          useValue: new FigureQueries(runtime.documents, runtime.clock, {
            networkShareTargetPercent: runtime.config.NETWORK_SHARE_TARGET_PERCENT,
            staleAfterDays: runtime.config.AVAILABILITY_STALE_AFTER_DAYS,
          }),
        },
        { provide: IdempotencyStore, useValue: runtime.idempotency },
        { provide: TOKEN_VERIFIER, useValue: runtime.tokenVerifier },
        { provide: OutboxRelay, useValue: runtime.relay },
        { provide: FederationConsumer, useValue: runtime.federation },
        { provide: MunicipalityIdentities, useValue: runtime.identities },
        { provide: DocumentStore, useValue: runtime.documents },
        { provide: DisclosureReader, useValue: new DisclosureReader(runtime.identities) },
        { provide: ProfileViewRecorder, useValue: new ProfileViewRecorder(runtime.gateway) },
        { provide: ReadAuditRecorder, useValue: new ReadAuditRecorder(runtime.gateway, runtime.clock) },
        { provide: CommandGateway, useValue: runtime.gateway },
        { provide: ReadSide, useValue: runtime.readSide },
        { provide: ProcessManagerRunner, useValue: runtime.workflows },
        { provide: WebhookWorker, useValue: runtime.webhooks },
        { provide: DeliveryStore, useValue: runtime.webhookDeliveries },
        { provide: WebhookSecrets, useValue: runtime.webhookSecrets },
        ExecuteCommandHandler,
        Commands,
        LocalCandidates,
        // Per address before authentication (failed tokens count), per token after it.
        { provide: APP_GUARD, useClass: AddressRateLimit },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: TokenRateLimit },
        // Order matters: idempotency wraps the contract check, so it hashes the request as sent.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        // Outside the contract check: a CSV is rendered from the body already checked.
        { provide: APP_INTERCEPTOR, useClass: CsvResponseInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ContractInterceptor },
        // Inside the contract check: records who was shown a family's personal data before it is sent.
        { provide: APP_INTERCEPTOR, useClass: ReadAuditInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
