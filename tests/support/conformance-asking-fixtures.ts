// The conformance suite's fixtures that ask the client something mid-call (sampling, elicitation, roots),
// written from the suite's descriptions the way a 2025-era server asks: a request to its client while the
// call runs. Through MCP Tray's gateway a 2025-era client gets those requests on its call's stream, and a
// 2026-07-28 client gets them as input_required rounds. (The one that asks with input_required itself, under
// a key of its own, is conformance-mrtr-upstream.ts.)
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { CallToolResult, GetPromptResult } from '@modelcontextprotocol/sdk/types.js';

const noArgs = { type: 'object' as const, properties: {} };
const text = (value: string) => ({ type: 'text' as const, text: value });
const stringField = (name: string) => ({
  type: 'object' as const,
  properties: { [name]: { type: 'string' as const } },
  required: [name],
});

export const ASKING_TOOLS = [
  {
    name: 'test_sampling',
    description: 'Asks the client’s model to answer a prompt.',
    inputSchema: {
      type: 'object' as const,
      properties: { prompt: { type: 'string' } },
      required: ['prompt'],
    },
  },
  {
    name: 'test_elicitation',
    description: 'Asks the user for a name and an email.',
    inputSchema: {
      type: 'object' as const,
      properties: { message: { type: 'string' } },
      required: ['message'],
    },
  },
  { name: 'test_elicitation_sep1034_defaults', description: 'Elicits with defaults.', inputSchema: noArgs },
  { name: 'test_elicitation_sep1330_enums', description: 'Elicits every enum form.', inputSchema: noArgs },
  {
    name: 'test_streaming_elicitation',
    description: 'Elicits while its answer streams.',
    inputSchema: noArgs,
  },
  ...[
    'sampling',
    'list_roots',
    'request_state',
    'multiple_inputs',
    'multi_round',
    'tampered_state',
    'capabilities',
  ].map((name) => ({
    name: `test_input_required_result_${name}`,
    description: `Asks its client for input mid-call (${name.replace('_', ' ')}).`,
    inputSchema: noArgs,
  })),
];

export const ASKING_PROMPTS = [
  { name: 'test_input_required_result_prompt', description: 'A prompt that asks the user for context first' },
];

const SEP1034_SCHEMA = {
  type: 'object' as const,
  properties: {
    name: { type: 'string' as const, default: 'John Doe' },
    age: { type: 'integer' as const, default: 30 },
    score: { type: 'number' as const, default: 95.5 },
    status: { type: 'string' as const, enum: ['active', 'inactive', 'pending'], default: 'active' },
    verified: { type: 'boolean' as const, default: true },
  },
};

const SEP1330_SCHEMA = {
  type: 'object' as const,
  properties: {
    untitledSingle: { type: 'string', enum: ['option1', 'option2', 'option3'] },
    titledSingle: {
      type: 'string',
      oneOf: [
        { const: 'value1', title: 'First Option' },
        { const: 'value2', title: 'Second Option' },
        { const: 'value3', title: 'Third Option' },
      ],
    },
    legacyEnum: {
      type: 'string',
      enum: ['opt1', 'opt2', 'opt3'],
      enumNames: ['Option One', 'Option Two', 'Option Three'],
    },
    untitledMulti: { type: 'array', items: { type: 'string', enum: ['option1', 'option2', 'option3'] } },
    titledMulti: {
      type: 'array',
      items: {
        anyOf: [
          { const: 'value1', title: 'First Choice' },
          { const: 'value2', title: 'Second Choice' },
          { const: 'value3', title: 'Third Choice' },
        ],
      },
    },
  },
};

/** Serves one of ASKING_TOOLS; undefined for any other name. */
export async function callAskingTool(
  server: Server,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult | undefined> {
  const elicit = (message: string, requestedSchema: object) =>
    server.elicitInput({ message, requestedSchema: requestedSchema as never });
  const sample = (prompt: string, maxTokens = 100) =>
    server.createMessage({ messages: [{ role: 'user', content: text(prompt) }], maxTokens });
  const answerText = (result: { content: unknown }) =>
    (Array.isArray(result.content) ? result.content[0] : result.content)?.text ?? '';
  switch (name) {
    case 'test_sampling': {
      const result = await sample(String(args['prompt'] ?? ''));
      return { content: [text(`LLM response: ${answerText(result)}`)] };
    }
    case 'test_elicitation': {
      const result = await elicit(String(args['message'] ?? ''), {
        type: 'object',
        properties: {
          username: { type: 'string', description: 'User’s response' },
          email: { type: 'string', description: 'User’s email address' },
        },
        required: ['username', 'email'],
      });
      return {
        content: [
          text(`User response: <action: ${result.action}, content: ${JSON.stringify(result.content ?? {})}>`),
        ],
      };
    }
    case 'test_elicitation_sep1034_defaults':
    case 'test_elicitation_sep1330_enums': {
      const schema = name.endsWith('defaults') ? SEP1034_SCHEMA : SEP1330_SCHEMA;
      const result = await elicit('Please review these values', schema);
      return {
        content: [
          text(
            `Elicitation completed: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`,
          ),
        ],
      };
    }
    case 'test_streaming_elicitation': {
      const result = await elicit('What is your name?', stringField('name'));
      return { content: [text(`Hello, ${String(result.content?.['name'] ?? 'stranger')}!`)] };
    }
    case 'test_input_required_result_sampling':
      return { content: [text(answerText(await sample('What is the capital of France?')))] };
    case 'test_input_required_result_list_roots': {
      const { roots } = await server.listRoots();
      return { content: [text(`Roots: ${roots.map((root) => root.uri).join(', ') || '(none)'}`)] };
    }
    case 'test_input_required_result_request_state':
    case 'test_input_required_result_tampered_state': {
      const result = await elicit('Please confirm', {
        type: 'object',
        properties: { ok: { type: 'boolean' } },
        required: ['ok'],
      });
      return { content: [text(`state-ok: confirmed=${String(result.content?.['ok'])}`)] };
    }
    case 'test_input_required_result_multiple_inputs': {
      const [person, greeting, roots] = await Promise.all([
        elicit('What is your name?', stringField('name')),
        sample('Generate a greeting', 50),
        server.listRoots(),
      ]);
      const who = String(person.content?.['name'] ?? '');
      return { content: [text(`${answerText(greeting)} ${who} (${roots.roots.length} roots)`)] };
    }
    case 'test_input_required_result_multi_round': {
      const first = await elicit('Step 1: What is your name?', stringField('name'));
      const second = await elicit('Step 2: What is your favorite color?', stringField('color'));
      return {
        content: [text(`${String(first.content?.['name'])} likes ${String(second.content?.['color'])}`)],
      };
    }
    case 'test_input_required_result_capabilities': {
      // Asks for both; where the client declared only one, the other is refused and the call goes on.
      const [sampled, elicited] = await Promise.allSettled([
        sample('Say hello'),
        elicit('Your name?', stringField('name')),
      ]);
      return {
        content: [text(`sampling: ${sampled.status}, elicitation: ${elicited.status}`)],
      };
    }
    default:
      return undefined;
  }
}

/** Serves ASKING_PROMPTS; undefined for any other name. */
export async function getAskingPrompt(server: Server, name: string): Promise<GetPromptResult | undefined> {
  if (name !== 'test_input_required_result_prompt') return undefined;
  const result = await server.elicitInput({
    message: 'What context should the prompt use?',
    requestedSchema: stringField('context') as never,
  });
  return {
    messages: [
      { role: 'user', content: text(`Use this context: ${String(result.content?.['context'] ?? '')}`) },
    ],
  };
}
