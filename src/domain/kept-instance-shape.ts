/**
 * Keeps one instance of a class alive for the life of the thread, so that V8 keeps the hidden
 * class ("map") its instances share.
 *
 * V8 builds an instance's map by adding its fields one by one from the class's initial map, and
 * holds the maps so made only through the objects that use them. A compute worker's job leaves
 * nothing alive behind it: once a collection has run, the next job's instances get new maps, and
 * every optimised method that checked the old ones is thrown away and compiled again. Measured on
 * the benchmark's heavy plans, each job recompiled the greedy plan's and the prerequisite heap's
 * methods this way. One kept instance, made with empty arguments when the class's module loads,
 * holds the maps for all later ones.
 *
 * @example
 * class ReadyHeap { private readonly items: number[] = []; constructor(private readonly value: Float64Array) {} }
 * keepInstanceShape(new ReadyHeap(new Float64Array(0)));
 */
export function keepInstanceShape(instance: object): void {
  keptInstances.push(instance);
}

const keptInstances: object[] = [];
