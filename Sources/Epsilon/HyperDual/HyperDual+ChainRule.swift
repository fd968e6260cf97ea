// HyperDual's conformance to the shared rule table: its `chain` methods,
// the chain rule to second order, are the second-order algebra's
// (HyperDualAlgebra.swift).

extension HyperDual: ChainRuleApplicable {}
