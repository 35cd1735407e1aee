//! Threads without threads: `run_in_executor`/`to_thread` run the function
//! as a simulated worker thread with its own lane. Its frames run between
//! loop callbacks; a blocking `time.sleep` inside it parks the worker until
//! the virtual clock reaches the wake-up time, without blocking the loop.
//! The result reaches the awaiting task through its future one loop
//! iteration later, as `call_soon_threadsafe` delivers it in CPython.

use super::events::{Callback, Running};
use crate::trace::EventKind;
use crate::value::Value;
use crate::vm::{Exec, Frame, PyResult, Vm};

/// One simulated worker thread.
pub struct Worker {
    pub id: u64,
    pub name: String,
    pub future: Value,
    pub func: Value,
    pub args: Vec<Value>,
    /// The worker's frames while it sleeps (empty when not started).
    pub frames: Vec<Frame>,
    pub started: bool,
}

impl Vm {
    /// `loop.run_in_executor(None, func, *args)`.
    pub fn start_worker(&mut self, func: Value, args: Vec<Value>) -> Value {
        let fut = self.new_future();
        self.aio.worker_counter += 1;
        let id = self.aio.worker_counter;
        let name = format!("asyncio_{}", id - 1);
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name: name.clone(), state: "started".into() });
        self.aio.workers.push(Worker { id, name, future: fut.clone(), func, args, frames: Vec::new(), started: false });
        self.aio.call_soon(Callback::RunWorker { id });
        fut
    }

    fn worker_index(&self, id: u64) -> Option<usize> {
        self.aio.workers.iter().position(|w| w.id == id)
    }

    /// Starts or resumes a worker's frames.
    pub fn run_worker(&mut self, id: u64) -> PyResult<()> {
        let Some(i) = self.worker_index(id) else { return Ok(()) };
        self.aio.running = Some(Running::Worker(id));
        self.aio.current_worker = Some(id);
        let name = self.aio.workers[i].name.clone();
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name, state: "running".into() });
        if self.aio.workers[i].started {
            self.frames = std::mem::take(&mut self.aio.workers[i].frames);
            // The value of the `time.sleep()` call it was parked in.
            self.push(Value::None);
            return Ok(());
        }
        self.aio.workers[i].started = true;
        let func = self.aio.workers[i].func.clone();
        let args = std::mem::take(&mut self.aio.workers[i].args);
        match self.push_call(func, args) {
            Ok(Some(v)) => self.worker_finished(Exec::Returned(v)),
            Ok(None) => Ok(()),
            Err(e) => self.worker_finished(Exec::Raised(e)),
        }
    }

    /// `time.sleep` inside a worker: park it until `until`.
    pub fn park_worker(&mut self, until: f64) -> bool {
        let Some(id) = self.aio.current_worker else { return false };
        let Some(i) = self.worker_index(id) else { return false };
        self.aio.workers[i].frames = std::mem::take(&mut self.frames);
        let name = self.aio.workers[i].name.clone();
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name, state: format!("sleeping until {until}") });
        self.aio.call_at(until, Callback::RunWorker { id });
        self.aio.current_worker = None;
        true
    }

    /// The worker's frames stopped: parked in a sleep, or finished.
    pub fn worker_frames_done(&mut self, id: u64, outcome: Exec) -> PyResult<()> {
        let parked = self.worker_index(id).map(|i| !self.aio.workers[i].frames.is_empty()).unwrap_or(true);
        self.aio.running = None;
        if parked {
            return Ok(());
        }
        self.worker_finished(outcome)
    }

    fn worker_finished(&mut self, outcome: Exec) -> PyResult<()> {
        let Some(id) = self.aio.current_worker.take() else { return Ok(()) };
        self.aio.running = None;
        let Some(i) = self.worker_index(id) else { return Ok(()) };
        let w = self.aio.workers.remove(i);
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name: w.name, state: "done".into() });
        let (result, exc) = match outcome {
            Exec::Returned(v) | Exec::Yielded(v) => (v, None),
            Exec::Raised(e) => (Value::None, Some(e)),
            Exec::Paused => return Ok(()),
        };
        self.aio.call_soon(Callback::CompleteFuture { fut: w.future, result, exc });
        Ok(())
    }
}
