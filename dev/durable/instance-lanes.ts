// One lane per orchestration instance: whatever changes an instance (an episode, terminate, purge,
// start) runs after everything queued before it for that instance has settled. Instances do not
// wait for each other.

export interface InstanceLanes {
  /** Runs `task` once the instance's earlier tasks have settled; its result or rejection is returned. */
  run<T>(instanceId: string, task: () => Promise<T>): Promise<T>;
  /** Settles when every task queued so far has. */
  idle(): Promise<void>;
}

export function createInstanceLanes(): InstanceLanes {
  const tails = new Map<string, Promise<void>>();
  return {
    run(instanceId, task) {
      const previous = tails.get(instanceId) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(instanceId, tail);
      void tail.then(() => {
        if (tails.get(instanceId) === tail) tails.delete(instanceId);
      });
      return result;
    },
    async idle() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()]);
    },
  };
}
