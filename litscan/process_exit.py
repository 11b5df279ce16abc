"""End the ``litscan`` process as soon as a command is done, without tearing the interpreter down.

When a command returns, the interpreter would next free every object it holds, one by one: the
tagger's compiled patterns and tables, every module. Nothing is written or closed by that (the
store commits and closes inside the command), yet it took ~30 ms after every import of 10,000
records, about 1% of the command, with one core idle. So the process ends the way Python's own
exit would, minus that teardown: the exit handlers run (logging's flush, multiprocessing's
clean-up, anything a library registered), the standard streams are flushed, then ``os._exit``.

Only a process whose main thread is the last one left ends this way: a live non-daemon thread
gets the usual exit, which waits for it.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading


def exit_code(code: object) -> int:
    """The status ``sys.exit(code)`` would end the process with (a text is printed first, as Python does)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def end_process(code: object) -> None:
    """Exit with ``sys.exit(code)``'s status, skipping the interpreter's teardown where that is safe."""
    status = exit_code(code)
    others = [thread for thread in threading.enumerate() if thread is not threading.main_thread()]
    if any(thread.is_alive() and not thread.daemon for thread in others):
        sys.exit(status)
    atexit._run_exitfuncs()  # what Py_Finalize runs first; the order and the handlers are Python's own
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # no console (pythonw)
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``litscan ... | head``): as Python reports it, 120
            status = status or 120
    os._exit(status)
