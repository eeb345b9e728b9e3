// Why the runner refused a client request. The RPC layer answers each as the Durable extension
// does (status code and error body); the names of the extension's exceptions travel with them.

/** A refused request, with the .NET exception type the extension would report. */
export class DurableRequestError extends Error {
  constructor(
    message: string,
    readonly exceptionType: string,
  ) {
    super(message);
    this.name = this.constructor.name;
  }
}

/** startNew named no registered orchestrator (the extension: ArgumentException, 400). */
export class UnknownOrchestratorError extends DurableRequestError {
  constructor(message: string) {
    super(message, 'System.ArgumentException');
  }
}

/** startNew got an instance id the extension refuses (ArgumentException, 400). */
export class InvalidInstanceIdError extends DurableRequestError {
  constructor(message: string) {
    super(message, 'System.ArgumentException');
  }
}

/** startNew named the id of an instance that has not finished (the extension answers 500). */
export class InstanceAlreadyExistsError extends DurableRequestError {
  constructor(message: string) {
    super(message, 'DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException');
  }
}
