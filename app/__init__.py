"""Care Reference: a point-of-care clinical guide that stores no patient data."""
