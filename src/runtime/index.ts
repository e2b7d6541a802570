/** @module runtime — DAG executor and invokers. */
export { executeWorkflow, createInvokers, type ExecuteOptions, type Invokers } from './executor.ts';
export { ModuleInvoker, type ModuleInvokerOptions } from './module-invoker.ts';
export { HttpInvoker } from './http-invoker.ts';
export { ExecutionError, isExecutionError } from './errors.ts';
export type { Invoker, InvokeOptions } from './invoker.ts';
export { backoffDelay } from './retry.ts';
