"""Scale: running the pipeline over large archives, on many cores or a Dask cluster, without losing documents.

- :mod:`marsad.scale.pool` — a supervised process pool: results in input order, a killed worker's
  unfinished documents are resubmitted, a document that kills its worker every time is rejected alone.
- :mod:`marsad.scale.work` — the per-document work unit shared by every engine (ingest, resume check, stages).
- :mod:`marsad.scale.dask_engine` — the same work unit as Dask tasks over batches, with Parquet partitions.
- :mod:`marsad.scale.resume` — fingerprints of documents already in the store and their restoration.
- :mod:`marsad.scale.serial` — a JSON-safe form of a processed :class:`~marsad.model.Document`.
- :mod:`marsad.scale.timing` — opt-in per-stage timing for benchmarks.
- :mod:`marsad.scale.faults` — test-only fault injection (killing a worker on a given document).

See ``README.md`` in this folder for the engines and how to use an existing Dask cluster.
"""

from marsad.scale.pool import supervised_map
from marsad.scale.timing import StageTimes, instrument

__all__ = ["StageTimes", "instrument", "supervised_map"]
