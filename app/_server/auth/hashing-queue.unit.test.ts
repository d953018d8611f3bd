import { describe, expect, it } from "vitest";
import { HashingQueue } from "./hashing-queue";
import { SignInRefused } from "./sign-in-refused";

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("HashingQueue", () => {
  it("runs at most `running` at once, queues `waiting` more and refuses the rest at once", async () => {
    const queue = new HashingQueue({ running: 2, waiting: 1 });
    const release = gate();
    let active = 0;
    let most = 0;
    const work = async () => {
      active += 1;
      most = Math.max(most, active);
      await release.opened;
      active -= 1;
      return "done";
    };
    const accepted = [queue.run(work), queue.run(work), queue.run(work)];
    await expect(queue.run(work)).rejects.toBeInstanceOf(SignInRefused);
    release.open();
    expect(await Promise.all(accepted)).toEqual(["done", "done", "done"]);
    expect(most).toBe(2);
    // The slots are free again afterwards, also after a failing task.
    await expect(queue.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await Promise.all([queue.run(async () => 1), queue.run(async () => 2), queue.run(async () => 3)])).toEqual([1, 2, 3]);
  });
});
