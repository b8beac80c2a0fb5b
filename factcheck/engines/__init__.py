"""Execution engines beyond one machine (optional extras). The local engine is factcheck.parallel."""
