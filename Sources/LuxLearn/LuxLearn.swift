import LuxStore
