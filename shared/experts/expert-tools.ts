// The expert tools of this process: one per expert profile when Azure OpenAI is configured, none
// otherwise (so they are not listed, and tools/list answers stay cached per set of visible tools).
// Their inner calls go through a gate over the other tools, with the same runner as tools/call.
import type { AzureOpenAiModels } from '../azure-openai/azure-openai.js';
import type { ExpertsConfig } from '../config/config.js';
import type { AnyTool } from '../mcp/define-tool.js';
import type { ToolRunner } from '../mcp/run-tool.js';
import { createToolGate } from '../mcp/tool-gate.js';
import { createDelegatedTools } from './delegated-tools.js';
import { EXPERT_PROFILES } from './expert-profiles.js';
import { expertTool } from './expert-tool.js';

export interface ExpertToolsOptions {
  /** Azure OpenAI's models; undefined: no experts. */
  models: AzureOpenAiModels | undefined;
  limits: ExpertsConfig;
  /** The tools experts may call (the Contoso tools): their gate decides every inner call. */
  tools: readonly AnyTool[];
  runner: ToolRunner;
  /** A shorter turn budget than EXPERT_TIME_BUDGET_SECONDS (tests). */
  timeBudgetMs?: number | undefined;
}

export function createExpertTools(options: ExpertToolsOptions): AnyTool[] {
  if (options.models === undefined) return [];
  const gate = createToolGate(options.tools, options.runner.audit);
  const deps = {
    chat: options.models.chat,
    delegated: createDelegatedTools({ gate, runner: options.runner, tools: options.tools }),
    maxSteps: options.limits.maxSteps,
    timeBudgetMs: options.timeBudgetMs ?? options.limits.timeBudgetSeconds * 1000,
  };
  return EXPERT_PROFILES.map((expert) => expertTool(expert, deps));
}
