// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT DIRECTLY.              *
// * Edit openapi.yaml, then run `yarn generate:openapi`.            *
// ******************************************************************

/**
 * The value-stream HTTP API (src/schema/openapi.yaml) as a `const`, for
 * `createValidatedOpenApiRouter<typeof spec>(spec)`.
 *
 * @internal
 */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'value-stream',
    version: '1',
    description:
      'Value Stream for Backstage: ingest tool events, read work-item journeys, flow and DORA\nmetrics, time series and bottleneck alerts. Mounted at `/api/value-stream` (paths here are\nrelative to it). Times are ISO-8601 in UTC; durations are seconds (floats). Errors use the\nBackstage error body `{ error: { name, message }, request, response }`.\n\nThe reads (and `POST /rebuild`) are served by a router built from this file\n(`createValidatedOpenApiRouter`): query and path parameters are validated against it before\na handler runs. `POST /events` and `POST /webhooks/{source}` read the raw body (CloudEvents\nmodes, HMAC signatures) and validate it in their handlers; they are described here all the same.\n',
  },
  servers: [
    {
      url: '/',
    },
  ],
  security: [
    {
      bearer: [],
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        security: [],
        responses: {
          '200': {
            description: 'The plugin is up',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status'],
                  additionalProperties: false,
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
        },
      },
    },
    '/events': {
      post: {
        operationId: 'postEvents',
        summary:
          'Ingest canonical events or CloudEvents (service principals and static tokens allowed value-stream.event.create)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/CanonicalEvent',
                    },
                  },
                  {
                    type: 'object',
                    required: ['events'],
                    properties: {
                      events: {
                        type: 'array',
                        items: {
                          $ref: '#/components/schemas/CanonicalEvent',
                        },
                      },
                    },
                  },
                ],
              },
            },
            'application/cloudevents+json': {
              schema: {
                $ref: '#/components/schemas/CloudEvent',
              },
            },
            'application/cloudevents-batch+json': {
              schema: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/CloudEvent',
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description:
              'Stored. accepted + duplicates + ignored = batch size.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResponse',
                },
              },
            },
          },
          '400': {
            description:
              'Unreadable body, or a batch with invalid events (then `rejected` names them); nothing stored',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestError',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '413': {
            description: 'More than 5000 events or 10 MB',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description: 'Unsupported content type',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/webhooks/{source}': {
      post: {
        operationId: 'postWebhook',
        security: [],
        summary:
          "A tool's native webhook, verified by that source's signature or token",
        parameters: [
          {
            name: 'source',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored (or ignored when the event type is not used)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResponse',
                },
              },
            },
          },
          '400': {
            description: 'Malformed payload',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestError',
                },
              },
            },
          },
          '401': {
            description: 'Missing or wrong signature/token; nothing stored',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description:
              'The source has no `valueStream.sources.<source>.webhookSecret`',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No module installed for that source',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'More than 5000 events or 10 MB',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/rebuild': {
      post: {
        operationId: 'postRebuild',
        summary:
          'Start recomputing every journey from the stored raw events, in the background (permission value-stream.rebuild). Single flight - while one runs, its job is answered.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: 'Ignored',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The rebuild job (poll GET /rebuild/{id})',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RebuildJob',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
        },
      },
    },
    '/rebuild/{id}': {
      get: {
        operationId: 'getRebuild',
        summary: 'A rebuild job (permission value-stream.rebuild)',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The job',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RebuildJob',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/corrections': {
      post: {
        operationId: 'postCorrection',
        summary:
          'Correct what the correlation derived (DESIGN §16, permission value-stream.correction.create, users and service principals; audited). Stored as an event, so a rebuild or replay keeps it; journeys, links and metrics reflect it within 5 s. Corrections apply in event order; a repeated one changes nothing.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Correction',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The correction is stored',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id'],
                  additionalProperties: false,
                  properties: {
                    id: {
                      type: 'string',
                      description: 'Id of the stored correction event',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/ingest/status': {
      get: {
        operationId: 'getIngestStatus',
        summary:
          'Accepted events not yet reflected in journeys and metrics (service principals)',
        responses: {
          '200': {
            description: 'Queue state',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestStatus',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/metrics': {
      get: {
        operationId: 'getEntityMetrics',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/compare',
          },
        ],
        responses: {
          '200': {
            description: 'Flow, DORA and stage metrics of the window',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Metrics',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/work-items': {
      get: {
        operationId: 'getEntityWorkItems',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'state',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['open', 'done', 'all'],
              default: 'open',
            },
          },
          {
            name: 'stage',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
          {
            name: 'type',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/ItemType',
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
              default: 100,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            allowReserved: true,
            description: 'The `nextCursor` of the previous page',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Newest first; pass nextCursor to get the next page',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WorkItemList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/alerts': {
      get: {
        operationId: 'getEntityAlerts',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['open', 'resolved', 'all'],
              default: 'open',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Bottleneck alerts',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/alerts/history': {
      get: {
        operationId: 'getEntityAlertHistory',
        description:
          'Bottleneck history (DESIGN §15): the alerts resolved in the window with their time to resolve, and per ISO week (Monday 00:00 UTC) the alerts opened and resolved in it.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description: 'Resolved alerts and weekly counts',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertHistory',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/timeseries': {
      get: {
        operationId: 'getEntityTimeseries',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'metric',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              enum: [
                'wip',
                'throughput',
                'cfd',
                'cycle_time',
                'lead_time_breakdown',
                'value',
              ],
            },
          },
          {
            name: 'interval',
            in: 'query',
            description:
              'Default `week` for throughput and lead_time_breakdown, else `day`',
            schema: {
              type: 'string',
              enum: ['day', 'week'],
            },
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description:
              "`{ metric, interval, points }`. wip: `{t, value, stages}`; cfd: `{t, stages}` (items in that\nstage or a later one); throughput: `{t, value}` per period; cycle_time: `{t, key, value}` per done item;\nlead_time_breakdown: `{t, count, coding, pickup, review, deploy}` per period (changes first deployed\nto production in it and each part's mean seconds, null when none has it); value: `{t, value}` at each\nboundary as cfd, the value delivered in `[from, t)` (DESIGN §14).\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Timeseries',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/iterations': {
      get: {
        operationId: 'getEntityIterations',
        summary:
          'Planned, delivered, added and carried-over items and value per iteration (DESIGN §14, §17)',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description:
              "The iterations (sprints, milestones) of the entity's items that overlap `[from, to)` (an\niteration without dates always), by start. planned = items in it at `startAt`; delivered = items\nin it at `endAt` (or now) that entered Done in `[startAt, endAt)`; added = items that joined after\n`startAt`; carriedOver = planned items not done by `endAt`.\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IterationList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/data-health': {
      get: {
        operationId: 'getEntityDataHealth',
        summary:
          "The entity's input of the last 30 days and what to fix (DESIGN §16)",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              "Over the last 30 days: commits of the entity's repositories and how many name a work item,\nPRs and how many are linked, its deployments and how many carry commits, its items done and\nhow many have a linked change, events on identifiers it claims that went to no entity, the\nlast event of each source its annotations imply, and one warning per finding, naming the fix.\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DataHealth',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/value': {
      get: {
        operationId: 'getEntityValue',
        summary:
          'Value delivered and the outcomes of the features deployed in the window (DESIGN §14, §17)',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description:
              '`value` as in the metrics response, and each feature item whose first successful production\ndeployment finished in `[from, to)` (newest first) with its outcome over the\n`valueStream.feedback.windowDays` after it: usage, NPS and its responses, uptime, incidents,\nsupport tickets and the Feature Success Score (null until the window has ended).\n',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Value',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/work-items/{key}': {
      get: {
        operationId: 'getWorkItem',
        parameters: [
          {
            name: 'key',
            in: 'path',
            required: true,
            description: 'URL-encoded (owner/repo#12 → owner%2Frepo%2312)',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 300,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The journey of one work item',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WorkItemDetail',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            description:
              'Unknown item, only in entities the caller may not read, or of no entity (service principals allowed value-stream.unresolved.read only)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/import': {
      get: {
        operationId: 'getEntityImport',
        summary:
          "The entity's history-import jobs, one per (source, scope), with their progress (DESIGN §12)",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              'The jobs (empty when no importer can import the entity)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityImport',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
      post: {
        operationId: 'postEntityImport',
        summary:
          "Import the entity's history again from scratch (`valueStream.import.historyDays` back); permission value-stream.import.create (users and service principals). With `valueStream.import.enabled` false the jobs are queued but not run.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: 'Ignored',
              },
            },
          },
        },
        responses: {
          '202': {
            description: "The entity's jobs, queued (poll GET)",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityImport',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/import': {
      get: {
        operationId: 'getImports',
        summary:
          'Every history-import job (permission value-stream.import.create, users and service principals)',
        responses: {
          '200': {
            description: 'By entity, source and scope',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImportList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
        },
      },
    },
    '/groups/{namespace}/{name}/metrics': {
      get: {
        operationId: 'getGroupMetrics',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/compare',
          },
          {
            name: 'includeSubgroups',
            in: 'query',
            description:
              "With `false`, only the entities the group owns directly; default true (its sub-groups' at any depth too, each entity once)",
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
        ],
        responses: {
          '200': {
            description:
              'The metrics over the entities the group and its sub-groups own that the caller may read (`entityRefs`)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GroupMetrics',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/systems/{namespace}/{name}/metrics': {
      get: {
        operationId: 'getSystemMetrics',
        summary:
          'The metrics over the components `partOf` the system (DESIGN §15, §17)',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/compare',
          },
        ],
        responses: {
          '200': {
            description:
              "The metrics over the system's components the caller may read (`entityRefs`)",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GroupMetrics',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/overview': {
      get: {
        operationId: 'getOverview',
        summary:
          'The organisation view (DESIGN §15, §17) over the groups and entities the caller may read',
        parameters: [
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description:
              "Every group the caller may read, with its roll-up (its and its sub-groups' entities the caller\nmay read) for the window and the window of equal length before, and the group × stage heatmap.\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Overview',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthenticated',
          },
          '403': {
            $ref: '#/components/responses/NotAllowed',
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
      },
    },
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      from: {
        name: 'from',
        in: 'query',
        allowReserved: true,
        description:
          'Window start (inclusive); default `to` − 30 days. At most 3 years before `to`.',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      to: {
        name: 'to',
        in: 'query',
        allowReserved: true,
        description: 'Window end (exclusive); default now',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      compare: {
        name: 'compare',
        in: 'query',
        description:
          '`previous` adds `previous`: the same response for `[from − (to − from), from)`',
        schema: {
          type: 'string',
          enum: ['previous'],
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          'A parameter is invalid or unknown; the message starts with its name (`limit: must be <= 1000`, `foo: unknown query parameter`)',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthenticated: {
        description: 'No or invalid credentials',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotAllowed: {
        description:
          'Not allowed (a user token on a write, a missing permission such as value-stream.entity.read)',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotFound: {
        description: 'Unknown, or not visible to the caller',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      ErrorDetail: {
        type: 'object',
        required: ['name', 'message'],
        additionalProperties: {},
        properties: {
          name: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          statusCode: {
            type: 'integer',
          },
        },
      },
      ErrorRequest: {
        type: 'object',
        required: ['method', 'url'],
        additionalProperties: false,
        properties: {
          method: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
      },
      ErrorResponse: {
        type: 'object',
        required: ['statusCode'],
        additionalProperties: false,
        properties: {
          statusCode: {
            type: 'integer',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'response'],
        additionalProperties: false,
        properties: {
          error: {
            $ref: '#/components/schemas/ErrorDetail',
          },
          request: {
            $ref: '#/components/schemas/ErrorRequest',
          },
          response: {
            $ref: '#/components/schemas/ErrorResponse',
          },
        },
      },
      IngestError: {
        type: 'object',
        description:
          'The error body, plus `rejected` when the batch had invalid events',
        required: ['error', 'response'],
        additionalProperties: false,
        properties: {
          error: {
            $ref: '#/components/schemas/ErrorDetail',
          },
          request: {
            $ref: '#/components/schemas/ErrorRequest',
          },
          response: {
            $ref: '#/components/schemas/ErrorResponse',
          },
          rejected: {
            type: 'array',
            items: {
              type: 'object',
              required: ['index', 'message'],
              additionalProperties: false,
              properties: {
                index: {
                  type: 'integer',
                  minimum: 0,
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      IngestResponse: {
        type: 'object',
        required: ['accepted', 'duplicates', 'ignored'],
        additionalProperties: false,
        properties: {
          accepted: {
            type: 'integer',
            minimum: 0,
          },
          duplicates: {
            type: 'integer',
            minimum: 0,
          },
          ignored: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      IngestStatus: {
        type: 'object',
        required: ['pending', 'oldestPendingAt'],
        additionalProperties: false,
        properties: {
          pending: {
            type: 'integer',
            minimum: 0,
          },
          oldestPendingAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
        },
      },
      Correction: {
        type: 'object',
        description:
          "One of - `{ kind: link|unlink, workItemKey, commitSha | pullRequest: { repository, number } }` (overrides the links derived from keys); `{ kind: set_item, workItemKey, itemType?, value? }` (overrides the tracker's; value null removes it); `{ kind: exclude_item, workItemKey, excluded }` (out of metrics and lanes); `{ kind: attribute_incident, incidentId, deploymentId }` (null - attributed to none). The handler validates the fields of each kind (400 naming the field); an unknown work item or incident is a 404.",
        required: ['kind'],
        properties: {
          kind: {
            type: 'string',
            enum: [
              'link',
              'unlink',
              'set_item',
              'exclude_item',
              'attribute_incident',
            ],
          },
          workItemKey: {
            type: 'string',
          },
          commitSha: {
            type: 'string',
          },
          pullRequest: {
            type: 'object',
            properties: {
              repository: {
                type: 'string',
              },
              number: {
                type: 'integer',
              },
            },
          },
          itemType: {
            $ref: '#/components/schemas/ItemType',
          },
          value: {
            type: 'integer',
            nullable: true,
            minimum: 1,
            maximum: 100,
          },
          excluded: {
            type: 'boolean',
          },
          incidentId: {
            type: 'string',
          },
          deploymentId: {
            type: 'string',
            nullable: true,
          },
        },
      },
      RebuildJob: {
        type: 'object',
        required: ['id', 'state', 'startedAt', 'finishedAt', 'items', 'error'],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['running', 'done', 'failed'],
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          items: {
            type: 'integer',
            nullable: true,
          },
          error: {
            type: 'string',
            nullable: true,
          },
        },
      },
      ImportJob: {
        type: 'object',
        required: [
          'source',
          'scope',
          'state',
          'startedAt',
          'finishedAt',
          'items',
          'events',
          'nextRunAt',
        ],
        additionalProperties: false,
        properties: {
          source: {
            type: 'string',
          },
          scope: {
            type: 'string',
            description:
              'What the source imports for the entity: a repository, a project key, a board id',
          },
          state: {
            type: 'string',
            enum: ['pending', 'running', 'done', 'failed'],
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          items: {
            type: 'integer',
            description:
              'Items (issues, PRs, cards) read in the current or last run',
          },
          events: {
            type: 'integer',
            description:
              'New events accepted from them (repeats are duplicates)',
          },
          total: {
            type: 'integer',
            description: 'Items in all, when the tool tells',
          },
          error: {
            type: 'string',
            description:
              "Why it failed: the tool's answer and the fix; on a pending job, the last transient failure before a retry",
          },
          nextRunAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
            description: 'Next reconciliation or retry',
          },
        },
      },
      EntityImport: {
        type: 'object',
        required: ['entityRef', 'jobs'],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          jobs: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImportJob',
            },
          },
        },
      },
      ImportList: {
        type: 'object',
        required: ['jobs'],
        additionalProperties: false,
        properties: {
          jobs: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImportListJob',
            },
          },
        },
      },
      ImportListJob: {
        type: 'object',
        required: [
          'entityRef',
          'source',
          'scope',
          'state',
          'startedAt',
          'finishedAt',
          'items',
          'events',
          'nextRunAt',
        ],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
          scope: {
            type: 'string',
            description:
              'What the source imports for the entity: a repository, a project key, a board id',
          },
          state: {
            type: 'string',
            enum: ['pending', 'running', 'done', 'failed'],
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          items: {
            type: 'integer',
            description:
              'Items (issues, PRs, cards) read in the current or last run',
          },
          events: {
            type: 'integer',
            description:
              'New events accepted from them (repeats are duplicates)',
          },
          total: {
            type: 'integer',
            description: 'Items in all, when the tool tells',
          },
          error: {
            type: 'string',
            description:
              "Why it failed: the tool's answer and the fix; on a pending job, the last transient failure before a retry",
          },
          nextRunAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
            description: 'Next reconciliation or retry',
          },
        },
      },
      CanonicalEvent: {
        type: 'object',
        required: ['id', 'source', 'type', 'occurredAt', 'data'],
        properties: {
          id: {
            type: 'string',
            description: 'Unique per source; a repeat is a no-op',
          },
          source: {
            type: 'string',
          },
          type: {
            type: 'string',
            example: 'work_item.status_changed',
          },
          occurredAt: {
            type: 'string',
            format: 'date-time',
          },
          entityRef: {
            type: 'string',
            example: 'component:default/payments',
          },
          repository: {
            type: 'string',
            example: 'acme/payments',
          },
          data: {
            type: 'object',
            description: 'Per type, see DESIGN §3 / docs/api.md',
          },
        },
      },
      CloudEvent: {
        type: 'object',
        required: ['specversion', 'id', 'source', 'type'],
        properties: {
          specversion: {
            type: 'string',
          },
          id: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
          type: {
            type: 'string',
            description: 'dev.cdevents.* or a canonical event type',
          },
          time: {
            type: 'string',
            format: 'date-time',
          },
          data: {
            type: 'object',
          },
        },
      },
      ItemType: {
        type: 'string',
        enum: ['feature', 'defect', 'risk', 'debt'],
      },
      StageCategory: {
        type: 'string',
        enum: ['queue', 'active', 'wait', 'done'],
      },
      DoraTier: {
        type: 'string',
        enum: ['elite', 'high', 'medium', 'low'],
      },
      DurationStats: {
        type: 'object',
        description: 'null when there is nothing to measure',
        nullable: true,
        required: ['count', 'p50', 'p85', 'p95', 'mean'],
        additionalProperties: false,
        properties: {
          count: {
            type: 'integer',
            minimum: 1,
          },
          p50: {
            type: 'number',
          },
          p85: {
            type: 'number',
          },
          p95: {
            type: 'number',
          },
          mean: {
            type: 'number',
          },
        },
      },
      LeadTimeForChanges: {
        type: 'object',
        nullable: true,
        required: ['count', 'p50', 'p85', 'p95', 'mean'],
        additionalProperties: false,
        properties: {
          count: {
            type: 'integer',
            minimum: 1,
          },
          p50: {
            type: 'number',
          },
          p85: {
            type: 'number',
          },
          p95: {
            type: 'number',
          },
          mean: {
            type: 'number',
          },
          tier: {
            $ref: '#/components/schemas/DoraTier',
          },
        },
      },
      RecoveryTime: {
        type: 'object',
        nullable: true,
        required: ['count', 'p50', 'mean'],
        additionalProperties: false,
        properties: {
          count: {
            type: 'integer',
            minimum: 1,
          },
          p50: {
            type: 'number',
          },
          mean: {
            type: 'number',
          },
          tier: {
            $ref: '#/components/schemas/DoraTier',
          },
        },
      },
      CountByType: {
        type: 'object',
        required: ['feature', 'defect', 'risk', 'debt'],
        additionalProperties: false,
        properties: {
          feature: {
            type: 'integer',
            minimum: 0,
          },
          defect: {
            type: 'integer',
            minimum: 0,
          },
          risk: {
            type: 'integer',
            minimum: 0,
          },
          debt: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      Distribution: {
        type: 'object',
        description:
          'Share of each item type among the items done; null when none',
        nullable: true,
        required: ['feature', 'defect', 'risk', 'debt'],
        additionalProperties: false,
        properties: {
          feature: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          defect: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          risk: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          debt: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
        },
      },
      Window: {
        type: 'object',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      MetricTargets: {
        type: 'object',
        description:
          "The targets of the entities' profile (valueStream.targets; the top-level ones when they use different profiles); absent when none",
        additionalProperties: false,
        properties: {
          flowEfficiency: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          cycleTimeP50Days: {
            type: 'number',
            minimum: 0,
          },
          cycleTimeP85Days: {
            type: 'number',
            minimum: 0,
          },
          leadTimeP85Days: {
            type: 'number',
            minimum: 0,
          },
          throughputPerWeek: {
            type: 'number',
            minimum: 0,
          },
          deploymentsPerWeek: {
            type: 'number',
            minimum: 0,
          },
          leadTimeForChangesP50Days: {
            type: 'number',
            minimum: 0,
          },
          changeFailureRate: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          recoveryTimeP50Hours: {
            type: 'number',
            minimum: 0,
          },
        },
      },
      OverviewMetrics: {
        type: 'object',
        description:
          "A group's summary over its roll-up's entities (an item or deployment of two of them counts once)",
        required: ['window', 'flow', 'dora', 'value', 'openAlerts'],
        additionalProperties: false,
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          flow: {
            type: 'object',
            required: [
              'throughput',
              'cycleTime',
              'leadTime',
              'efficiency',
              'load',
              'distribution',
              'blockedTime',
            ],
            additionalProperties: false,
            properties: {
              throughput: {
                type: 'object',
                required: ['total', 'perWeek', 'byType'],
                additionalProperties: false,
                properties: {
                  total: {
                    type: 'integer',
                    minimum: 0,
                  },
                  perWeek: {
                    type: 'number',
                    minimum: 0,
                  },
                  byType: {
                    $ref: '#/components/schemas/CountByType',
                  },
                },
              },
              cycleTime: {
                $ref: '#/components/schemas/DurationStats',
              },
              leadTime: {
                $ref: '#/components/schemas/DurationStats',
              },
              efficiency: {
                type: 'number',
                minimum: 0,
                maximum: 1,
                nullable: true,
              },
              load: {
                type: 'integer',
                minimum: 0,
              },
              distribution: {
                $ref: '#/components/schemas/Distribution',
              },
              blockedTime: {
                description:
                  'Seconds blocked of the items done in the window by reason category, as in the metrics (0 in `previous`)',
                type: 'object',
                required: ['total', 'byReason'],
                additionalProperties: false,
                properties: {
                  total: {
                    type: 'number',
                    minimum: 0,
                  },
                  byReason: {
                    type: 'object',
                    additionalProperties: {
                      type: 'number',
                      minimum: 0,
                    },
                  },
                },
              },
            },
          },
          dora: {
            type: 'object',
            required: ['deploymentFrequency'],
            additionalProperties: false,
            properties: {
              deploymentFrequency: {
                type: 'object',
                required: ['count', 'perWeek'],
                additionalProperties: false,
                properties: {
                  count: {
                    type: 'integer',
                    minimum: 0,
                  },
                  perWeek: {
                    type: 'number',
                    minimum: 0,
                  },
                },
              },
            },
          },
          value: {
            $ref: '#/components/schemas/ValueMetrics',
          },
          openAlerts: {
            type: 'integer',
            minimum: 0,
            description: 'Open now (0 in `previous`)',
          },
        },
      },
      Overview: {
        type: 'object',
        required: ['window', 'groups', 'heatmap'],
        additionalProperties: false,
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          groups: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'groupRef',
                'parentRefs',
                'entityRefs',
                'metrics',
                'previous',
              ],
              additionalProperties: false,
              properties: {
                groupRef: {
                  type: 'string',
                },
                parentRefs: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                  description: 'The visible groups it is a child of',
                },
                entityRefs: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                metrics: {
                  $ref: '#/components/schemas/OverviewMetrics',
                },
                previous: {
                  $ref: '#/components/schemas/OverviewMetrics',
                },
              },
            },
          },
          heatmap: {
            type: 'array',
            items: {
              type: 'object',
              required: ['groupRef', 'stage', 'openAlerts', 'timeShare'],
              additionalProperties: false,
              properties: {
                groupRef: {
                  type: 'string',
                },
                stage: {
                  type: 'string',
                },
                openAlerts: {
                  type: 'integer',
                  minimum: 0,
                },
                timeShare: {
                  type: 'number',
                  minimum: 0,
                  maximum: 1,
                  description:
                    "Seconds in the stage ÷ seconds in all stages, of the group's stage visits that ended in the window (0 when none)",
                },
              },
            },
          },
        },
      },
      FlowMetrics: {
        type: 'object',
        required: [
          'throughput',
          'cycleTime',
          'leadTime',
          'efficiency',
          'load',
          'distribution',
          'blockedTime',
        ],
        additionalProperties: false,
        properties: {
          throughput: {
            type: 'object',
            required: ['total', 'perWeek', 'byType'],
            additionalProperties: false,
            properties: {
              total: {
                type: 'integer',
                minimum: 0,
              },
              perWeek: {
                type: 'number',
                minimum: 0,
              },
              byType: {
                $ref: '#/components/schemas/CountByType',
              },
            },
          },
          cycleTime: {
            $ref: '#/components/schemas/DurationStats',
          },
          leadTime: {
            $ref: '#/components/schemas/DurationStats',
          },
          efficiency: {
            type: 'number',
            minimum: 0,
            maximum: 1,
            nullable: true,
          },
          load: {
            type: 'integer',
            minimum: 0,
          },
          distribution: {
            $ref: '#/components/schemas/Distribution',
          },
          blockedTime: {
            description:
              "Seconds blocked of the items done in the window, each interval within the item's start..Done, in total and per reason category (valueStream.blockedReasons); categories without blocked time are absent.",
            type: 'object',
            required: ['total', 'byReason'],
            additionalProperties: false,
            properties: {
              total: {
                type: 'number',
                minimum: 0,
              },
              byReason: {
                type: 'object',
                additionalProperties: {
                  type: 'number',
                  minimum: 0,
                },
              },
            },
          },
        },
      },
      DoraMetrics: {
        type: 'object',
        required: [
          'deploymentFrequency',
          'leadTimeForChanges',
          'changeFailureRate',
          'recoveryTime',
          'reworkRate',
          'leadTimeBreakdown',
        ],
        additionalProperties: false,
        properties: {
          deploymentFrequency: {
            type: 'object',
            required: ['count', 'perWeek'],
            additionalProperties: false,
            properties: {
              count: {
                type: 'integer',
                minimum: 0,
              },
              perWeek: {
                type: 'number',
                minimum: 0,
              },
              tier: {
                $ref: '#/components/schemas/DoraTier',
              },
            },
          },
          leadTimeForChanges: {
            $ref: '#/components/schemas/LeadTimeForChanges',
          },
          changeFailureRate: {
            type: 'object',
            description: 'failed ⊆ total; rate and tier null when total is 0',
            required: ['failed', 'total', 'rate'],
            additionalProperties: false,
            properties: {
              failed: {
                type: 'integer',
                minimum: 0,
              },
              total: {
                type: 'integer',
                minimum: 0,
              },
              rate: {
                type: 'number',
                minimum: 0,
                maximum: 1,
                nullable: true,
              },
              tier: {
                type: 'string',
                nullable: true,
                enum: ['elite', 'high', 'medium', 'low', null],
              },
            },
          },
          recoveryTime: {
            $ref: '#/components/schemas/RecoveryTime',
          },
          reworkRate: {
            type: 'object',
            description:
              'successful production deployments in the window (total) and those including a change linked to a rework item type or from a rework branch (rework ⊆ total); rate null when total is 0',
            required: ['rework', 'total', 'rate'],
            additionalProperties: false,
            properties: {
              rework: {
                type: 'integer',
                minimum: 0,
              },
              total: {
                type: 'integer',
                minimum: 0,
              },
              rate: {
                type: 'number',
                minimum: 0,
                maximum: 1,
                nullable: true,
              },
            },
          },
          leadTimeBreakdown: {
            type: 'object',
            description:
              'The change breakdown (DESIGN §13) over the changes whose first successful production deployment finished in the window: coding = PR opened − first commit, pickup = first review − PR opened, review = merged − first review, deploy = deployed − merged (from the commit for a direct push), seconds.',
            required: ['coding', 'pickup', 'review', 'deploy'],
            additionalProperties: false,
            properties: {
              coding: {
                $ref: '#/components/schemas/BreakdownStats',
              },
              pickup: {
                $ref: '#/components/schemas/BreakdownStats',
              },
              review: {
                $ref: '#/components/schemas/BreakdownStats',
              },
              deploy: {
                $ref: '#/components/schemas/BreakdownStats',
              },
            },
          },
        },
      },
      BreakdownStats: {
        type: 'object',
        description:
          'count, p50, p85 and mean seconds; the statistics are null when count is 0',
        required: ['count', 'p50', 'p85', 'mean'],
        additionalProperties: false,
        properties: {
          count: {
            type: 'integer',
            minimum: 0,
          },
          p50: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          p85: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          mean: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
        },
      },
      StageMetrics: {
        type: 'object',
        required: [
          'name',
          'category',
          'wip',
          'wipLimit',
          'meanTimeInStage',
          'status',
        ],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/StageCategory',
          },
          wip: {
            type: 'integer',
            minimum: 0,
            nullable: true,
            description:
              'Items whose current stage it is; null for a done stage',
          },
          wipLimit: {
            type: 'integer',
            nullable: true,
          },
          meanTimeInStage: {
            type: 'number',
            nullable: true,
          },
          status: {
            type: 'string',
            enum: ['healthy', 'warning', 'bottleneck'],
          },
        },
      },
      Metrics: {
        type: 'object',
        required: ['entityRef', 'window', 'flow', 'dora', 'stages', 'value'],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          profiles: {
            type: 'array',
            description:
              'The profiles of the entities (valueStream.profiles; `default` is the top-level settings), sorted',
            items: {
              type: 'string',
            },
          },
          stagesByCategory: {
            type: 'boolean',
            description:
              'Present (true) when the entities use different profiles; `stages` then has one stage per category',
          },
          targets: {
            $ref: '#/components/schemas/MetricTargets',
          },
          previous: {
            $ref: '#/components/schemas/Metrics',
          },
          flow: {
            $ref: '#/components/schemas/FlowMetrics',
          },
          dora: {
            $ref: '#/components/schemas/DoraMetrics',
          },
          stages: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StageMetrics',
            },
          },
          value: {
            $ref: '#/components/schemas/ValueMetrics',
          },
        },
      },
      GroupMetrics: {
        type: 'object',
        description:
          "The entity metrics, `entityRef` being the group's, plus the entities summed up",
        required: [
          'entityRef',
          'entityRefs',
          'window',
          'flow',
          'dora',
          'stages',
          'value',
        ],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          profiles: {
            type: 'array',
            description:
              'The profiles of the entities (valueStream.profiles; `default` is the top-level settings), sorted',
            items: {
              type: 'string',
            },
          },
          stagesByCategory: {
            type: 'boolean',
            description:
              'Present (true) when the entities use different profiles; `stages` then has one stage per category',
          },
          targets: {
            $ref: '#/components/schemas/MetricTargets',
          },
          previous: {
            $ref: '#/components/schemas/GroupMetrics',
          },
          flow: {
            $ref: '#/components/schemas/FlowMetrics',
          },
          dora: {
            $ref: '#/components/schemas/DoraMetrics',
          },
          stages: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StageMetrics',
            },
          },
          value: {
            $ref: '#/components/schemas/ValueMetrics',
          },
        },
      },
      ValueMetrics: {
        type: 'object',
        description:
          'Value (1–100 per item) of the items done in the window (DESIGN §14, §17). delivered, velocity and\nefficiency count only items with a value; those without one are `unvalued`, never 0. An item done\ntwice counts once, at its last Done.\n',
        required: [
          'delivered',
          'velocity',
          'efficiency',
          'valuedShare',
          'valued',
          'unvalued',
        ],
        additionalProperties: false,
        properties: {
          delivered: {
            type: 'number',
            description: 'Σ value of the valued items done',
          },
          velocity: {
            type: 'number',
            description: 'delivered ÷ window days × 7',
          },
          efficiency: {
            type: 'number',
            nullable: true,
            description:
              'delivered ÷ Σ cycle time in days of the valued items; null when none',
          },
          valuedShare: {
            type: 'number',
            nullable: true,
            description:
              'valued done items ÷ done items; null when nothing is done',
          },
          valued: {
            type: 'integer',
            description: 'Done items with a value',
          },
          unvalued: {
            type: 'integer',
            description: 'Done items without a value',
          },
        },
      },
      ItemsAndValue: {
        type: 'object',
        required: ['items', 'value'],
        additionalProperties: false,
        properties: {
          items: {
            type: 'integer',
          },
          value: {
            type: 'number',
            description: 'Σ value of those items that have one',
          },
        },
      },
      Iteration: {
        type: 'object',
        required: [
          'id',
          'name',
          'startAt',
          'endAt',
          'planned',
          'delivered',
          'added',
          'carriedOver',
        ],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          startAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          endAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          planned: {
            $ref: '#/components/schemas/ItemsAndValue',
          },
          delivered: {
            $ref: '#/components/schemas/ItemsAndValue',
          },
          added: {
            $ref: '#/components/schemas/ItemsAndValue',
          },
          carriedOver: {
            $ref: '#/components/schemas/ItemsAndValue',
          },
        },
      },
      IterationList: {
        type: 'object',
        required: ['items'],
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Iteration',
            },
          },
        },
      },
      FeatureOutcome: {
        type: 'object',
        description:
          'A feature\'s outcome over `[deployedAt, windowEndsAt)` (DESIGN §14, §17 "Feature outcomes";\ndocs/metrics.md "Feature Success Score").\n',
        required: [
          'key',
          'title',
          'value',
          'deployedAt',
          'windowEndsAt',
          'usage',
          'baseline',
          'nps',
          'responses',
          'uptime',
          'incidents',
          'tickets',
          'successScore',
        ],
        additionalProperties: false,
        properties: {
          key: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          value: {
            type: 'integer',
            nullable: true,
            minimum: 1,
            maximum: 100,
          },
          deployedAt: {
            type: 'string',
            format: 'date-time',
            description:
              'Finish of the first successful production deployment that includes one of its changes',
          },
          windowEndsAt: {
            type: 'string',
            format: 'date-time',
          },
          usage: {
            type: 'number',
            minimum: 0,
            description:
              'Σ usage.reported counts in the window, pro rata for reports partly inside',
          },
          baseline: {
            type: 'number',
            nullable: true,
            description:
              "Median usage of the entity's other measured features of the 90 days up to its deployment",
          },
          nps: {
            type: 'number',
            nullable: true,
            minimum: -100,
            maximum: 100,
          },
          responses: {
            type: 'integer',
            minimum: 0,
          },
          uptime: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          incidents: {
            type: 'object',
            required: ['count', 'minutes', 'bySeverity'],
            additionalProperties: false,
            properties: {
              count: {
                type: 'integer',
                minimum: 0,
              },
              minutes: {
                type: 'number',
                minimum: 0,
                description:
                  'Minutes of the window with an attributed incident open (overlaps count once)',
              },
              bySeverity: {
                type: 'object',
                additionalProperties: {
                  type: 'integer',
                },
              },
            },
          },
          tickets: {
            type: 'object',
            required: ['opened', 'resolved'],
            additionalProperties: false,
            properties: {
              opened: {
                type: 'integer',
                minimum: 0,
              },
              resolved: {
                type: 'integer',
                minimum: 0,
              },
            },
          },
          successScore: {
            type: 'number',
            nullable: true,
            minimum: -100,
            maximum: 100,
            description:
              'The Feature Success Score; null until the window has ended',
          },
        },
      },
      Value: {
        type: 'object',
        required: ['entityRef', 'window', 'value', 'features'],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          value: {
            $ref: '#/components/schemas/ValueMetrics',
          },
          features: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FeatureOutcome',
            },
          },
        },
      },
      WorkItemSummary: {
        type: 'object',
        required: [
          'key',
          'title',
          'itemType',
          'stage',
          'stageEnteredAt',
          'createdAt',
          'startedAt',
          'doneAt',
          'blocked',
          'cycleTime',
          'activeTime',
          'waitTime',
        ],
        additionalProperties: false,
        properties: {
          key: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          itemType: {
            $ref: '#/components/schemas/ItemType',
          },
          stage: {
            type: 'string',
          },
          stageEnteredAt: {
            type: 'string',
            format: 'date-time',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          doneAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          blocked: {
            type: 'boolean',
          },
          cycleTime: {
            type: 'number',
            nullable: true,
          },
          activeTime: {
            type: 'number',
            nullable: true,
          },
          waitTime: {
            type: 'number',
            nullable: true,
          },
          observationEndsAt: {
            type: 'string',
            format: 'date-time',
            description:
              "done.mode delivered (DESIGN §13): when the observation after the item's production deployment ends; only while the item is not done and all its linked changes are in production",
          },
        },
      },
      WorkItemList: {
        type: 'object',
        required: ['items', 'nextCursor'],
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/WorkItemSummary',
            },
          },
          nextCursor: {
            type: 'string',
            nullable: true,
          },
        },
      },
      StageTransition: {
        type: 'object',
        required: ['stage', 'category', 'enteredAt', 'exitedAt', 'seconds'],
        additionalProperties: false,
        properties: {
          stage: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/StageCategory',
          },
          enteredAt: {
            type: 'string',
            format: 'date-time',
          },
          exitedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          seconds: {
            type: 'number',
            description: "The visit's length; for the current stage, up to now",
          },
        },
      },
      CommitLink: {
        type: 'object',
        required: ['sha', 'repository', 'message'],
        additionalProperties: false,
        properties: {
          sha: {
            type: 'string',
          },
          repository: {
            type: 'string',
            nullable: true,
          },
          message: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          breakdown: {
            $ref: '#/components/schemas/ChangeBreakdown',
          },
        },
      },
      PullRequestLink: {
        type: 'object',
        required: ['repository', 'number', 'title', 'state', 'mergedAt'],
        additionalProperties: false,
        properties: {
          repository: {
            type: 'string',
            nullable: true,
          },
          number: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['open', 'merged', 'closed'],
          },
          mergedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          url: {
            type: 'string',
          },
          breakdown: {
            $ref: '#/components/schemas/ChangeBreakdown',
          },
        },
      },
      ChangeBreakdown: {
        type: 'object',
        description:
          "One change's lead-time parts in seconds (DESIGN §13), on a merged PR or a direct push to the default branch; null where the change has no such part (no PR, no review before the merge, not deployed yet).",
        required: ['coding', 'pickup', 'review', 'deploy'],
        additionalProperties: false,
        properties: {
          coding: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          pickup: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          review: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          deploy: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
        },
      },
      BuildLink: {
        type: 'object',
        required: ['buildId', 'status', 'finishedAt'],
        additionalProperties: false,
        properties: {
          buildId: {
            type: 'string',
          },
          status: {
            type: 'string',
            nullable: true,
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          url: {
            type: 'string',
          },
        },
      },
      DeploymentLink: {
        type: 'object',
        required: ['deploymentId', 'environment', 'status', 'finishedAt'],
        additionalProperties: false,
        properties: {
          deploymentId: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          status: {
            type: 'string',
            nullable: true,
            description: 'success, failure, … or rolled_back',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          url: {
            type: 'string',
          },
        },
      },
      IncidentLink: {
        type: 'object',
        required: ['incidentId', 'severity', 'openedAt', 'resolvedAt'],
        additionalProperties: false,
        properties: {
          incidentId: {
            type: 'string',
          },
          severity: {
            type: 'string',
            nullable: true,
          },
          openedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          url: {
            type: 'string',
          },
        },
      },
      WorkItemDetail: {
        type: 'object',
        description:
          'The listing fields of the item, plus its journey and links',
        required: [
          'key',
          'title',
          'itemType',
          'stage',
          'stageEnteredAt',
          'createdAt',
          'startedAt',
          'doneAt',
          'blocked',
          'cycleTime',
          'activeTime',
          'waitTime',
          'priority',
          'value',
          'labels',
          'transitions',
          'timeInStage',
          'blockedTime',
          'leadTimeForChanges',
          'links',
          'entityRefs',
        ],
        additionalProperties: false,
        properties: {
          key: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          itemType: {
            $ref: '#/components/schemas/ItemType',
          },
          stage: {
            type: 'string',
          },
          stageEnteredAt: {
            type: 'string',
            format: 'date-time',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          doneAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          blocked: {
            type: 'boolean',
          },
          cycleTime: {
            type: 'number',
            nullable: true,
          },
          activeTime: {
            type: 'number',
            nullable: true,
          },
          waitTime: {
            type: 'number',
            nullable: true,
          },
          observationEndsAt: {
            type: 'string',
            format: 'date-time',
            description:
              "done.mode delivered (DESIGN §13): when the observation after the item's production deployment ends; only while the item is not done and all its linked changes are in production",
          },
          priority: {
            type: 'string',
            nullable: true,
          },
          value: {
            type: 'number',
            nullable: true,
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          transitions: {
            type: 'array',
            description: 'Starts with the Backlog interval from createdAt',
            items: {
              $ref: '#/components/schemas/StageTransition',
            },
          },
          timeInStage: {
            type: 'object',
            description: 'Seconds per stage visited',
            additionalProperties: {
              type: 'number',
            },
          },
          blockedTime: {
            type: 'number',
          },
          leadTimeForChanges: {
            type: 'number',
            nullable: true,
          },
          excluded: {
            type: 'boolean',
            description:
              'Excluded from metrics and lanes by a correction (DESIGN §16)',
          },
          links: {
            type: 'object',
            required: [
              'commits',
              'pullRequests',
              'builds',
              'deployments',
              'incidents',
            ],
            additionalProperties: false,
            properties: {
              commits: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/CommitLink',
                },
              },
              pullRequests: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/PullRequestLink',
                },
              },
              builds: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BuildLink',
                },
              },
              deployments: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/DeploymentLink',
                },
              },
              incidents: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentLink',
                },
              },
            },
          },
          entityRefs: {
            type: 'array',
            description: "The item's entities the caller may read",
            items: {
              type: 'string',
            },
          },
        },
      },
      Alert: {
        type: 'object',
        required: ['id', 'rule', 'severity', 'message', 'detectedAt'],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          rule: {
            type: 'string',
            enum: [
              'item_stuck',
              'wip_spike',
              'wip_over_limit',
              'cycle_time_outlier',
              'low_flow_efficiency',
              'item_blocked',
              'high_value_stuck',
            ],
          },
          severity: {
            type: 'string',
            enum: ['info', 'warning', 'critical'],
          },
          stage: {
            type: 'string',
          },
          workItemKey: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          detectedAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          entityRef: {
            type: 'string',
          },
        },
      },
      ResolvedAlert: {
        type: 'object',
        required: [
          'id',
          'rule',
          'severity',
          'message',
          'detectedAt',
          'resolvedAt',
          'timeToResolve',
        ],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          rule: {
            type: 'string',
            enum: [
              'item_stuck',
              'wip_spike',
              'wip_over_limit',
              'cycle_time_outlier',
              'low_flow_efficiency',
              'item_blocked',
              'high_value_stuck',
            ],
          },
          severity: {
            type: 'string',
            enum: ['info', 'warning', 'critical'],
          },
          stage: {
            type: 'string',
          },
          workItemKey: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          detectedAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          entityRef: {
            type: 'string',
          },
          timeToResolve: {
            type: 'number',
            minimum: 0,
            description: 'Seconds from detectedAt to resolvedAt',
          },
        },
      },
      AlertHistory: {
        type: 'object',
        required: ['window', 'opened', 'timeToResolve', 'items', 'weeks'],
        additionalProperties: false,
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          opened: {
            type: 'integer',
            minimum: 0,
            description: 'Alerts detected in the window',
          },
          timeToResolve: {
            $ref: '#/components/schemas/DurationStats',
          },
          items: {
            type: 'array',
            description:
              'Alerts resolved in the window, latest resolved first, at most 200',
            items: {
              $ref: '#/components/schemas/ResolvedAlert',
            },
          },
          weeks: {
            type: 'array',
            description: 'Every ISO week the window touches, oldest first',
            items: {
              type: 'object',
              required: ['weekStart', 'opened', 'resolved', 'timeToResolveP50'],
              additionalProperties: false,
              properties: {
                weekStart: {
                  type: 'string',
                  format: 'date-time',
                },
                opened: {
                  type: 'integer',
                  minimum: 0,
                },
                resolved: {
                  type: 'integer',
                  minimum: 0,
                },
                timeToResolveP50: {
                  type: 'number',
                  minimum: 0,
                  nullable: true,
                },
              },
            },
          },
        },
      },
      DataHealth: {
        type: 'object',
        required: [
          'entityRef',
          'window',
          'commits',
          'pullRequests',
          'deployments',
          'workItems',
          'unresolvedEvents',
          'sources',
          'warnings',
        ],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          commits: {
            type: 'object',
            required: ['total', 'linked'],
            additionalProperties: false,
            properties: {
              total: {
                type: 'integer',
                minimum: 0,
              },
              linked: {
                type: 'integer',
                minimum: 0,
              },
            },
          },
          pullRequests: {
            type: 'object',
            required: ['total', 'linked'],
            additionalProperties: false,
            properties: {
              total: {
                type: 'integer',
                minimum: 0,
              },
              linked: {
                type: 'integer',
                minimum: 0,
              },
            },
          },
          deployments: {
            type: 'object',
            required: ['total', 'withCommits'],
            additionalProperties: false,
            properties: {
              total: {
                type: 'integer',
                minimum: 0,
              },
              withCommits: {
                type: 'integer',
                minimum: 0,
              },
            },
          },
          workItems: {
            type: 'object',
            required: ['done', 'withChanges'],
            additionalProperties: false,
            properties: {
              done: {
                type: 'integer',
                minimum: 0,
              },
              withChanges: {
                type: 'integer',
                minimum: 0,
              },
            },
          },
          unresolvedEvents: {
            type: 'integer',
            minimum: 0,
          },
          sources: {
            type: 'array',
            items: {
              type: 'object',
              required: ['source', 'annotation', 'lastEventAt'],
              additionalProperties: false,
              properties: {
                source: {
                  type: 'string',
                },
                annotation: {
                  type: 'string',
                },
                lastEventAt: {
                  type: 'string',
                  format: 'date-time',
                  nullable: true,
                },
              },
            },
          },
          warnings: {
            type: 'array',
            items: {
              type: 'object',
              required: ['code', 'message'],
              additionalProperties: false,
              properties: {
                code: {
                  type: 'string',
                  enum: [
                    'commits_unlinked',
                    'pull_requests_unlinked',
                    'deployments_without_commits',
                    'items_without_changes',
                    'source_silent',
                    'annotation_conflict',
                    'unresolved_events',
                  ],
                },
                message: {
                  type: 'string',
                },
                subject: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      AlertList: {
        type: 'object',
        required: ['items'],
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Alert',
            },
          },
        },
      },
      StageCounts: {
        type: 'object',
        additionalProperties: {
          type: 'integer',
          minimum: 0,
        },
      },
      WipPoint: {
        type: 'object',
        required: ['t', 'value', 'stages'],
        additionalProperties: false,
        properties: {
          t: {
            type: 'string',
            format: 'date-time',
          },
          value: {
            type: 'integer',
            minimum: 0,
          },
          stages: {
            $ref: '#/components/schemas/StageCounts',
          },
        },
      },
      CfdPoint: {
        type: 'object',
        required: ['t', 'stages'],
        additionalProperties: false,
        properties: {
          t: {
            type: 'string',
            format: 'date-time',
          },
          stages: {
            $ref: '#/components/schemas/StageCounts',
          },
        },
      },
      ThroughputPoint: {
        type: 'object',
        required: ['t', 'value'],
        additionalProperties: false,
        properties: {
          t: {
            type: 'string',
            format: 'date-time',
          },
          value: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      LeadTimeBreakdownPoint: {
        type: 'object',
        required: ['t', 'count', 'coding', 'pickup', 'review', 'deploy'],
        additionalProperties: false,
        properties: {
          t: {
            type: 'string',
            format: 'date-time',
          },
          count: {
            type: 'integer',
            minimum: 0,
          },
          coding: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          pickup: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          review: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
          deploy: {
            type: 'number',
            minimum: 0,
            nullable: true,
          },
        },
      },
      CycleTimePoint: {
        type: 'object',
        required: ['t', 'key', 'value'],
        additionalProperties: false,
        properties: {
          t: {
            type: 'string',
            format: 'date-time',
          },
          key: {
            type: 'string',
          },
          value: {
            type: 'number',
          },
        },
      },
      Timeseries: {
        type: 'object',
        required: ['metric', 'interval', 'points'],
        additionalProperties: false,
        properties: {
          metric: {
            type: 'string',
            enum: [
              'wip',
              'throughput',
              'cfd',
              'cycle_time',
              'lead_time_breakdown',
              'value',
            ],
          },
          interval: {
            type: 'string',
            enum: ['day', 'week'],
          },
          points: {
            type: 'array',
            items: {
              oneOf: [
                {
                  $ref: '#/components/schemas/WipPoint',
                },
                {
                  $ref: '#/components/schemas/CfdPoint',
                },
                {
                  $ref: '#/components/schemas/ThroughputPoint',
                },
                {
                  $ref: '#/components/schemas/CycleTimePoint',
                },
                {
                  $ref: '#/components/schemas/LeadTimeBreakdownPoint',
                },
              ],
            },
          },
        },
      },
    },
  },
} as const;
