# Clips the forward value f(x) instead of the gradient: z changes and the gradient is 0 where
# the value was clipped.
MUTANT = {"task": "clipped_chain_gradient", "hints": ["clip-value-not-gradient"]}


def clip_gradient(y, limit):
    return tf.clip_by_value(y, -limit, limit)
