"""The hint catalog: stable, kebab-case ids and the short explanations students read.

The ids are a public contract (feedback, JSON results, mutant tests and course CI name them):
add new ids freely, never rename or remove one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    """One diagnosis: when it is given and what it tells the student."""

    id: str
    trigger: str
    text: str


_HINTS = [
    Hint("not-implemented", "the function still raises NotImplementedError",
         "This task is not done yet: replace `raise NotImplementedError` with your code."),
    Hint("missing-function", "the submission has no function of the task's name",
         "The grader could not find this function. Keep the exact name and signature from the "
         "exercise file."),
    Hint("syntax-error", "the submission does not compile",
         "Python could not parse your file, so nothing in it could be graded. Fix the line shown."),
    Hint("load-error", "the submission raised while being loaded",
         "Your file raised an error while it was being imported, before any task could run. Code "
         "at the top level (outside functions) runs on import: move experiments into functions "
         "or under `if __name__ == \"__main__\":`."),
    Hint("not-a-tensor", "a tensor was expected and something else came back",
         "Return a TensorFlow tensor (`tf.Tensor`), not a NumPy array, a Python number or a list. "
         "`tf.constant(...)` and TensorFlow operations return tensors; `.numpy()` leaves "
         "TensorFlow."),
    Hint("wrong-type", "the returned kind differs from the reference's",
         "The value has the wrong type for this task; read what the task asks you to return."),
    Hint("wrong-dtype", "the dtype differs",
         "Right values or shape, wrong dtype. Integers given to `tf.constant` make int32, floats "
         "make float32; use `dtype=` or `tf.cast` when the task asks for a particular dtype."),
    Hint("wrong-shape", "the shape differs",
         "The result has the wrong shape. Check which axes your operation keeps or adds."),
    Hint("wrong-value", "the values differ beyond the dtype's tolerance",
         "The result has the right type and shape but the wrong values."),
    Hint("hard-coded", "public cases pass, hidden cases fail",
         "Your function gives the right answer for the example in the text but not for other "
         "inputs. Compute the result from the arguments instead of returning the example's value."),
    Hint("gradient-none-unwatched", "a gradient w.r.t. a constant that was never watched is None",
         "The tape did not watch the tensor you differentiated with respect to, so the gradient "
         "is None. Constants are not watched automatically: call `tape.watch(c)` inside the "
         "`with` block before using `c`, or use a `tf.Variable`."),
    Hint("gradient-none-integer", "a gradient w.r.t. an integer tensor is None",
         "Gradients exist only for floating-point tensors; an integer tensor or Variable is never "
         "watched and its gradient is None. Use floats (3.0, not 3) or `tf.cast(x, tf.float32)`."),
    Hint("gradient-none-outside-tape", "the target was computed outside the tape's `with` block",
         "The gradient is None because the computation was not recorded: only operations run "
         "inside `with tf.GradientTape() as tape:` are on the tape. Move the computation of the "
         "target into the `with` block."),
    Hint("gradient-none-numpy", "NumPy was used on a tensor while the tape was recording",
         "The gradient path was broken by leaving TensorFlow: `.numpy()`, `np.sin(...)` and other "
         "NumPy calls produce values the tape cannot differentiate. Use `tf.` operations "
         "(`tf.sin`, `tf.square`, ...) inside the tape."),
    Hint("gradient-none", "a gradient came back None for another reason",
         "A gradient came back None: the target does not depend on that source through "
         "operations the tape recorded."),
    Hint("variable-rebound", "a new tensor/Variable came back instead of the updated Variable",
         "`v = v + 1` or `v = tf.Variable(...)` makes a new object and leaves the original "
         "Variable unchanged. Update it in place with `v.assign(...)`, `v.assign_add(...)` or "
         "`v.assign_sub(...)` and return the same Variable."),
    Hint("not-in-place", "the input Variable did not change as it should",
         "The Variable you were given was not updated (or was updated wrongly). Change it in "
         "place with `assign`/`assign_sub`; assigning to the parameter name does not change the "
         "caller's Variable."),
    Hint("not-trainable", "the Variable's trainable flag differs",
         "Check the Variable's `trainable` flag: `tf.Variable(value, trainable=False)` makes a "
         "Variable that tapes do not watch automatically."),
    Hint("tape-not-persistent", "gradient() was called twice on a non-persistent tape",
         "A tape releases what it recorded after its first `gradient()` call. To ask it for "
         "several gradients, create it with `tf.GradientTape(persistent=True)` (and `del tape` "
         "when done)."),
    Hint("tapes-not-nested", "a higher derivative was taken with tapes that were not nested",
         "For a second derivative the first gradient must itself be recorded: open the outer "
         "tape, open the inner tape inside it, and compute the inner gradient inside the outer "
         "`with` block."),
    Hint("unconnected-gradient", "None returned where f does not depend on x and 0 was asked",
         "When the target does not depend on a source, `tape.gradient` returns None. Ask for "
         "zeros instead with `tape.gradient(y, x, "
         "unconnected_gradients=tf.UnconnectedGradients.ZERO)`."),
    Hint("watch-accessed-variables", "the tape watched every Variable it touched",
         "This task wants a gradient only for the Variable you watch explicitly: create the tape "
         "with `watch_accessed_variables=False` and call `tape.watch(...)` on that Variable "
         "alone; the other gradient is then None."),
    Hint("multiple-tapes", "the task asked for one tape and more were made",
         "This task asks for all the gradients from a single persistent tape; your code created "
         "more than one tape."),
    Hint("no-tape", "the result came back without any gradient computed on a tape",
         "This task is about automatic differentiation: compute the derivative with "
         "`tf.GradientTape` and `tape.gradient`, not with a formula worked out by hand."),
    Hint("elementwise-not-matmul", "element-wise `*` was used where a matrix product was asked",
         "`a * b` multiplies element by element (and broadcasts). The matrix product is "
         "`tf.matmul(a, b)` (or `a @ b`): an (m, k) matrix times a (k, n) matrix gives (m, n)."),
    Hint("transpose-missing", "the product was taken without transposing b",
         "This task multiplies by the transpose of `b`: use `tf.matmul(a, b, transpose_b=True)`."),
    Hint("dtype-mismatch", "an operation mixed dtypes (e.g. float64 with float32)",
         "TensorFlow does not convert dtypes implicitly: float64 and float32 (or int32) tensors "
         "cannot be combined in one operation. Convert first with `tf.cast(x, tf.float32)`."),
    Hint("mse-formula", "the loss is not the mean of squared differences",
         "The mean squared error is the MEAN of the SQUARED differences: "
         "`tf.reduce_mean(tf.square(y_pred - y_true))` (not absolute values, not the square of "
         "the mean, not a square root)."),
    Hint("sum-not-mean", "the loss sums instead of averaging",
         "You summed the squared differences; the mean squared error divides by their number "
         "(`tf.reduce_mean`)."),
    Hint("broadcast-shape", "shapes (n, 1) and (n,) broadcast to (n, n)",
         "Subtracting a (n,) tensor from a (n, 1) tensor broadcasts to an (n, n) matrix. Reshape "
         "one side so both have the same shape before subtracting."),
    Hint("lr-sign", "the update moved up the gradient",
         "Gradient descent moves AGAINST the gradient: `w.assign_sub(learning_rate * dw)`. "
         "Adding the gradient makes the loss grow."),
    Hint("loss-after-update", "the loss returned was computed after the update",
         "Return the loss computed before updating the parameters (the one the tape recorded)."),
    Hint("epoch-count", "the training loop did not run `epochs` times",
         "Training runs exactly `epochs` steps and records one loss per step: "
         "`for _ in range(epochs):` (not `range(1, epochs)` or `range(epochs + 1)`), so the "
         "losses list has `epochs` entries."),
    Hint("nan-output", "the output contains NaN or infinity where the reference is finite",
         "Your result contains NaN or infinity. Look for a division by zero, a log of zero, or "
         "a learning rate that makes training diverge."),
    Hint("timeout", "the task ran past its time limit",
         "This task took too long and was stopped. Look for an infinite loop or a loop that "
         "runs far more iterations than needed."),
    Hint("crashed", "the process died while running the task",
         "Your code ended the process (for example `exit()`, `os._exit`, a crash in native "
         "code, or running out of memory), so this task could not be graded."),
    Hint("memory-limit", "the task ran out of the memory a submission may use",
         "Your code asked for more memory than the grader allows each submission (2 GiB by "
         "default) and raised MemoryError. Look for a tensor far larger than the task needs: an "
         "(n, 1) tensor combined with an (n,) one broadcasts to (n, n), and a list that keeps "
         "every step's tensors grows with the loop."),
    Hint("output-too-large", "the output exceeded the size limit",
         "Your function returned far more data than the task needs."),
    Hint("jacobian-vs-gradient", "a gradient (summed over the outputs) came back where a "
         "Jacobian was asked, or the reverse",
         "`tape.gradient(y, x)` differentiates the SUM of y's elements and has x's shape; "
         "`tape.jacobian(y, x)` keeps one derivative per element of y and has shape "
         "`y.shape + x.shape`. A Hessian is the Jacobian of the gradient: "
         "`outer.jacobian(g, x)`, not `outer.gradient(g, x)`."),
    Hint("batch-jacobian", "the full Jacobian of a batch came back instead of per-example ones",
         "`tape.jacobian` on a batch of shape (batch, n) gives (batch, m, batch, n), mostly "
         "zeros across examples. `tape.batch_jacobian(y, x)` gives the per-example Jacobians, "
         "shape (batch, m, n)."),
    Hint("hessian-formed", "a Hessian-vector product built the full Hessian",
         "The point of a Hessian-vector product is to never build the n×n Hessian: "
         "differentiate the scalar `tf.reduce_sum(g * v)` (g the inner gradient) with the "
         "outer tape's `gradient`, not `jacobian`."),
    Hint("hvp-not-directional", "H·[1, …, 1] scaled by v instead of H·v",
         "`outer.gradient(g, x)` differentiates the sum of g and gives H·[1, …, 1]; "
         "multiplying that by v afterwards is not H·v. Differentiate the dot product "
         "`tf.reduce_sum(g * v)` instead (or pass `output_gradients=v`)."),
    Hint("stop-gradient-missing", "the gradient flowed through a part that should be constant",
         "The result includes the derivative of a factor that should be treated as a "
         "constant. Wrap it in `tf.stop_gradient(...)`, or compute it inside "
         "`with tape.stop_recording():`, so the tape does not differentiate through it."),
    Hint("clip-value-not-gradient", "the forward value was clipped instead of the gradient",
         "`tf.clip_by_value` on the value changes the function itself (and zeroes its "
         "gradient where it clips). Gradient clipping leaves the forward value unchanged: use "
         "`tf.custom_gradient` with an identity forward pass whose `grad` function clips the "
         "upstream gradient."),
    Hint("clip-after-backprop", "the final gradient was clipped instead of the one passing "
         "through the clipping point",
         "Clipping the gradient after `tape.gradient` returns is not the same as clipping it "
         "where it flows backwards through the marked point: the chain rule multiplies by the "
         "remaining local derivatives after the clip. Put the clip in a `tf.custom_gradient`."),
    Hint("nan-gradient", "the gradient is NaN where the true derivative is finite",
         "A NaN gradient usually comes from an intermediate that overflows (`tf.exp(100.0)` is "
         "inf in float32) or from `tf.where`: its unselected branch still gets a zero "
         "gradient, and 0 × inf = NaN. Make both branches safe (feed the unsafe one a harmless "
         "input with a first `tf.where`) or give the function a stable `tf.custom_gradient`."),
    Hint("retracing", "a tf.function was traced more than once in one call",
         "Your tf.function was traced again and again: every new Python value in its "
         "arguments (an epoch number, a float that changes) or a `tf.function` re-created in "
         "a loop makes a new graph. Create the function once, outside the loop, and pass only "
         "tensors (or values that never change) to it."),
    Hint("no-tf-function", "the work did not run under tf.function",
         "This task asks for the training step to run as a graph: decorate it with "
         "`@tf.function` (or wrap it with `tf.function(step)`) and call that."),
    Hint("gradient-check-float32", "a gradient check ran in float32",
         "Finite differences in float32 are too noisy to check a gradient: the error of "
         "f(x + δ) − f(x − δ) is about 1e-7·|f|/δ. Cast the data and parameters to float64 "
         "before `tf.test.compute_gradient`."),
]

CATALOG: dict[str, Hint] = {hint.id: hint for hint in _HINTS}


def text(hint_id: str) -> str:
    """The explanation for ``hint_id``."""
    return CATALOG[hint_id].text


def markdown() -> str:
    """The catalog as the Markdown table in ``docs/hints.md`` (a test keeps the two in sync)."""
    lines = [
        "# Hint catalog",
        "",
        "Generated from `autograder/hints.py` by `gradetape hints --markdown`; a test keeps this",
        "file in sync. The ids are a public contract: they appear in JSON results, feedback,",
        "Gradescope output and the mutant catalog. New ids may be added; none is ever renamed.",
        "",
        "| id | given when | what the student reads |",
        "|---|---|---|",
    ]
    for hint in CATALOG.values():
        text = hint.text.replace("|", "\\|")
        lines.append(f"| `{hint.id}` | {hint.trigger} | {text} |")
    return "\n".join(lines) + "\n"
