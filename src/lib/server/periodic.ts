/**
 * Run a task now (after `firstDelayMs`) and again `intervalMs` after each round ends, until
 * stopped; a failed round is logged and the next one still comes. stop() waits for a round
 * in progress.
 */
export function startPeriodic(task: () => Promise<unknown>, log: { error(obj: object, msg?: string): void }, what: string, intervalMs: number, firstDelayMs = 0) {
	let stopped = false;
	let running: Promise<unknown> = Promise.resolve();
	let timer: NodeJS.Timeout | undefined;
	const tick = () => {
		if (stopped) return;
		running = task()
			.catch((error) => log.error({ err: String(error) }, `${what} failed`))
			.finally(() => {
				if (!stopped) timer = setTimeout(tick, intervalMs);
			});
	};
	timer = setTimeout(tick, firstDelayMs);
	return {
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			await running;
		}
	};
}
