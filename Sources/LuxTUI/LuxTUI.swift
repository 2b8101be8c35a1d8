import CNcursesw
import LuxEngine
import LuxLearn
