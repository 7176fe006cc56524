// A stdio MCP server with the fixtures the official conformance suite asks a server for (tools of each
// content type, an error, progress, a JSON Schema 2020-12 tool, resources and a template, prompts, and
// completion, and those that ask the client mid-call: conformance-asking-fixtures.ts), written from the
// suite's own descriptions of them. The conformance test puts it behind MCP
// Tray's gateway, prefix off, so the suite's scenarios are run through the gateway.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import {
  ASKING_PROMPTS,
  ASKING_TOOLS,
  callAskingTool,
  getAskingPrompt,
} from './conformance-asking-fixtures.ts';

/** A 1x1 red PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** A WAV of 8 silent 8-bit samples at 8 kHz. */
function silentWav(): string {
  const samples = 8;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  wav.fill(128, 44);
  return wav.toString('base64');
}

const SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: {
      $anchor: 'addressDef',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
};

const noArgs = { type: 'object' as const, properties: {} };
const TOOLS = [
  { name: 'test_simple_text', description: 'Answers a simple text.', inputSchema: noArgs },
  { name: 'test_image_content', description: 'Answers an image.', inputSchema: noArgs },
  { name: 'test_audio_content', description: 'Answers audio.', inputSchema: noArgs },
  { name: 'test_embedded_resource', description: 'Answers an embedded resource.', inputSchema: noArgs },
  {
    name: 'test_multiple_content_types',
    description: 'Answers text, an image and a resource.',
    inputSchema: noArgs,
  },
  { name: 'test_error_handling', description: 'Always fails.', inputSchema: noArgs },
  { name: 'test_tool_with_progress', description: 'Reports progress three times.', inputSchema: noArgs },
  {
    name: 'json_schema_2020_12_tool',
    description: 'Tool with JSON Schema 2020-12 features',
    inputSchema: SCHEMA_2020_12,
  },
];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (value: string) => ({ type: 'text' as const, text: value });

const server = new Server(
  { name: 'conformance-upstream', version: '1.0.0' },
  { capabilities: { tools: {}, resources: {}, prompts: {}, completions: {} } },
);

server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...TOOLS, ...ASKING_TOOLS] }));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const asking = await callAskingTool(server, request.params.name, request.params.arguments ?? {});
  if (asking !== undefined) return asking;
  switch (request.params.name) {
    case 'test_simple_text':
      return { content: [text('This is a simple text response for testing.')] };
    case 'test_image_content':
      return { content: [{ type: 'image', data: PNG, mimeType: 'image/png' }] };
    case 'test_audio_content':
      return { content: [{ type: 'audio', data: silentWav(), mimeType: 'audio/wav' }] };
    case 'test_embedded_resource':
      return {
        content: [
          {
            type: 'resource',
            resource: {
              uri: 'test://embedded-resource',
              mimeType: 'text/plain',
              text: 'This is an embedded resource content.',
            },
          },
        ],
      };
    case 'test_multiple_content_types':
      return {
        content: [
          text('Multiple content types test:'),
          { type: 'image', data: PNG, mimeType: 'image/png' },
          {
            type: 'resource',
            resource: {
              uri: 'test://mixed-content-resource',
              mimeType: 'application/json',
              text: '{"test":"data","value":123}',
            },
          },
        ],
      };
    case 'test_error_handling':
      return { isError: true, content: [text('This tool intentionally returns an error for testing')] };
    case 'test_tool_with_progress': {
      const token = request.params._meta?.progressToken;
      for (const progress of [0, 50, 100]) {
        if (token !== undefined)
          await extra.sendNotification({
            method: 'notifications/progress',
            params: { progressToken: token, progress, total: 100 },
          });
        if (progress < 100) await wait(50);
      }
      return { content: [text('Progress test completed.')] };
    }
    case 'json_schema_2020_12_tool':
      return { content: [text(`Received: ${JSON.stringify(request.params.arguments ?? {})}`)] };
    default:
      return { isError: true, content: [text(`Unknown tool ${request.params.name}`)] };
  }
});

server.setRequestHandler(ListResourcesRequestSchema, () => ({
  resources: [
    {
      uri: 'test://static-text',
      name: 'Static text',
      description: 'A static text resource',
      mimeType: 'text/plain',
    },
    {
      uri: 'test://static-binary',
      name: 'Static binary',
      description: 'A static PNG resource',
      mimeType: 'image/png',
    },
  ],
}));
server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
  resourceTemplates: [
    {
      uriTemplate: 'test://template/{id}/data',
      name: 'Template data',
      description: 'Data for an id',
      mimeType: 'application/json',
    },
  ],
}));
server.setRequestHandler(ReadResourceRequestSchema, (request) => {
  const { uri } = request.params;
  if (uri === 'test://static-text')
    return {
      contents: [{ uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' }],
    };
  if (uri === 'test://static-binary') return { contents: [{ uri, mimeType: 'image/png', blob: PNG }] };
  const id = /^test:\/\/template\/([^/]+)\/data$/.exec(uri)?.[1];
  if (id !== undefined)
    return {
      contents: [
        {
          uri,
          mimeType: 'application/json',
          text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
        },
      ],
    };
  throw Object.assign(new Error('Resource not found'), { code: -32602, data: { uri } });
});

server.setRequestHandler(ListPromptsRequestSchema, () => ({
  prompts: [
    { name: 'test_simple_prompt', description: 'A simple prompt' },
    {
      name: 'test_prompt_with_arguments',
      description: 'A prompt with arguments',
      arguments: [
        { name: 'arg1', description: 'First test argument', required: true },
        { name: 'arg2', description: 'Second test argument', required: true },
      ],
    },
    {
      name: 'test_prompt_with_embedded_resource',
      description: 'A prompt with an embedded resource',
      arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }],
    },
    { name: 'test_prompt_with_image', description: 'A prompt with an image' },
    ...ASKING_PROMPTS,
  ],
}));
server.setRequestHandler(GetPromptRequestSchema, async (request) => {
  const asking = await getAskingPrompt(server, request.params.name);
  if (asking !== undefined) return asking;
  const args = request.params.arguments ?? {};
  switch (request.params.name) {
    case 'test_simple_prompt':
      return { messages: [{ role: 'user', content: text('This is a simple prompt for testing.') }] };
    case 'test_prompt_with_arguments':
      return {
        messages: [
          {
            role: 'user',
            content: text(`Prompt with arguments: arg1='${args['arg1']}', arg2='${args['arg2']}'`),
          },
        ],
      };
    case 'test_prompt_with_embedded_resource':
      return {
        messages: [
          {
            role: 'user',
            content: {
              type: 'resource',
              resource: {
                uri: args['resourceUri'] ?? '',
                mimeType: 'text/plain',
                text: 'Embedded resource content for testing.',
              },
            },
          },
          { role: 'user', content: text('Please process the embedded resource above.') },
        ],
      };
    case 'test_prompt_with_image':
      return {
        messages: [
          { role: 'user', content: { type: 'image', data: PNG, mimeType: 'image/png' } },
          { role: 'user', content: text('Please analyze the image above.') },
        ],
      };
    default:
      throw Object.assign(new Error(`Unknown prompt ${request.params.name}`), { code: -32602 });
  }
});
server.setRequestHandler(CompleteRequestSchema, () => ({
  completion: { values: [], total: 0, hasMore: false },
}));

await server.connect(new StdioServerTransport());
