// The run-layer tests start the real AppHost with DCP and the dashboard; on a 2-core machine several
// at once starve each other and the model tests of CPU, and the waits then time out. One at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
