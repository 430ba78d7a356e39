"""consentry: get an A2P 10DLC campaign approved the first time, and keep it compliant."""

__version__ = "0.1.0"
