/* Empty: lets glibc's headers be preprocessed for arc's ILP32 data model
   (arc only reads declarations and macros, it never links). */
