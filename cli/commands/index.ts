/**
 * The command registry: each module adds its commands to the program. A new command is a new
 * module listed here, not a branch in main.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerDiff } from './diff.js';
import { registerExport } from './export.js';
import { registerInit } from './init.js';
import { registerOfflineCommands } from './offline.js';
import { registerRunCommands } from './runs.js';
import { registerSetupCommands } from './setup.js';

export type RegisterCommands = (program: Command, ctx: CliContext) => void;

export const COMMANDS: readonly RegisterCommands[] = [registerInit, registerRunCommands, registerOfflineCommands, registerDiff, registerExport, registerSetupCommands];
